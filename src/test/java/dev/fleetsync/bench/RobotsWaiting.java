package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Waiting;
import dev.fleetsync.bench.SignedHttp.Answer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 6: every robot of a fleet long-polls one instance at once. While they wait, the instance's memory and CPU are
 * sampled; then a CreateDeploymentJob is sent, and the time until the first robot, and the whole first wave, is handed
 * its deployment is measured from the moment the call was sent.
 */
final class RobotsWaiting {
    private static final int WAIT_SECONDS = 20;
    private static final int PERCENT = 20;

    private final SignedHttp http;
    private final ProcessStats service;
    private final HeldPolls held;
    private final AtomicInteger assigned = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private volatile long createdNanos;
    private volatile long firstNanos;
    private volatile boolean stopped;
    private CountDownLatch firstWave;

    RobotsWaiting(SignedHttp http, ProcessStats service, HeldPolls held) {
        this.http = http;
        this.service = service;
        this.held = held;
    }

    Waiting run(String fleet, List<String> robots, String application, long holdMillis) throws InterruptedException {
        int wave = (int) Math.ceil(robots.size() * PERCENT / 100.0);
        firstWave = new CountDownLatch(wave);
        // polls left from an earlier run end within their wait; then the gauge counts this run's polls only
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS + 10); held.count() > 0 && System.nanoTime() < end; ) {
            Thread.sleep(200);
        }
        long intakeStart = System.nanoTime();
        robots.forEach(this::poll);
        // the instance has taken every poll in when its gauge of held polls reaches the number of robots
        while (held.count() < robots.size()) {
            if (System.nanoTime() - intakeStart > TimeUnit.MINUTES.toNanos(3)) {
                throw new IllegalStateException("only " + held.count() + " of " + robots.size() + " polls held after 3 minutes");
            }
            Thread.sleep(100);
        }
        double intakeMillis = (System.nanoTime() - intakeStart) / 1e6;
        ProcessStats.Window window = service.window();
        for (long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis); System.nanoTime() < end; ) {
            Thread.sleep(250);
            window.sample();
        }
        double resident = window.peakMiB();
        double cores = window.cores();

        createdNanos = System.nanoTime();
        Answer created = BenchSeed.await(http.send(http.sign("/createDeploymentJob", createJob(fleet, application)), 60_000));
        double createMillis = (System.nanoTime() - createdNanos) / 1e6;
        if (!created.ok()) {
            errors.incrementAndGet();
            System.out.println("BENCH CreateDeploymentJob answered " + created.status() + " " + created.body());
        }
        boolean waveDone = firstWave.await(60, TimeUnit.SECONDS);
        double waveMillis = waveDone ? (System.nanoTime() - createdNanos) / 1e6 : Double.NaN;
        stopped = true;
        double first = firstNanos == 0 ? Double.NaN : (firstNanos - createdNanos) / 1e6;
        return new Waiting(robots.size(), intakeMillis, resident, cores, createMillis, first, waveMillis, wave, errors.get());
    }

    private void poll(String robot) {
        String body = "{\"robot\":\"" + robot + "\",\"waitSeconds\":" + WAIT_SECONDS + "}";
        http.send(http.sign("/agent/v1/poll", body), (WAIT_SECONDS + 30) * 1000L).onComplete(result -> {
            if (stopped) {
                return;
            }
            if (result.failed() || !result.result().ok()) {
                errors.incrementAndGet();
                System.out.println("BENCH poll failed: " + (result.failed() ? result.cause() : result.result().body()));
            } else if (Json.string(result.result().body(), "deploymentJob") != null) {
                long now = System.nanoTime();
                if (assigned.getAndIncrement() == 0) {
                    firstNanos = now;
                }
                firstWave.countDown();
                return;
            }
            poll(robot);
        });
    }

    /** A CreateDeploymentJob of the application's version 1 on the fleet at 20 % (also {@link RolloutRun}'s). */
    static String createJob(String fleet, String application) {
        return "{\"clientRequestToken\":\"bench-wait-" + System.nanoTime() + "\",\"fleet\":\"" + fleet + "\","
                + "\"deploymentConfig\":{\"concurrentDeploymentPercentage\":" + PERCENT + "},"
                + "\"deploymentApplicationConfigs\":[{\"application\":\"" + application + "\",\"applicationVersion\":\"1\","
                + "\"launchConfig\":{\"packageName\":\"bench\",\"launchFile\":\"bench.launch\"}}]}";
    }
}
