package dev.fleetsync.support.sim;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One robot: a chain of asynchronous requests and scheduled delays, never a thread of its own. It polls, and when
 * handed a job reports each step after a random latency until it succeeds or fails, then polls again.
 */
final class SimulatedRobot {
    /** Long: a request given up on is still worked on by the service, so retrying early only adds to an overload. */
    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(120);
    private final String arn;
    private final Random random;
    private final SimulationSettings settings;
    private final AgentTransport transport;
    private final ScheduledExecutorService timer;
    private final SimulationRecorder recorder;
    private final Runnable firstFinish;
    private volatile RobotBehaviour behaviour;
    private volatile URI endpoint;
    private volatile boolean stopped;
    private volatile boolean silentHolding;
    private int finished;

    SimulatedRobot(String arn, RobotBehaviour behaviour, Random random, SimulationSettings settings, AgentTransport transport,
            ScheduledExecutorService timer, SimulationRecorder recorder, Runnable firstFinish) {
        this.arn = arn;
        this.behaviour = behaviour;
        this.random = random;
        this.settings = settings;
        this.transport = transport;
        this.timer = timer;
        this.recorder = recorder;
        this.firstFinish = firstFinish;
    }

    RobotBehaviour behaviour() {
        return behaviour;
    }

    synchronized boolean hasFinished() {
        return finished > 0;
    }

    void start(URI endpoint) {
        this.endpoint = endpoint;
        if (behaviour != RobotBehaviour.NEVER_POLLS) {
            poll();
        }
    }

    /** A silent robot comes back (restarted): it forgets any job it held and polls like any other. */
    void revive() {
        if (behaviour == RobotBehaviour.ANSWERS) {
            return;
        }
        if (silentHolding) {
            silentHolding = false;
            recorder.aborted();
        }
        behaviour = RobotBehaviour.ANSWERS;
        poll();
    }

    void stop() {
        stopped = true;
    }

    /** Sends from now on to {@code to} if it sent to {@code from}, as a load balancer that took {@code from} out. */
    void moveFrom(URI from, URI to) {
        if (from.equals(endpoint)) {
            endpoint = to;
        }
    }

    private void poll() {
        if (stopped) {
            return;
        }
        Map<String, Object> body = Map.of("robot", arn, "waitSeconds", settings.pollWaitSeconds());
        send("/agent/v1/poll", body, Duration.ofSeconds(settings.pollWaitSeconds() + 120L), this::poll, (answer, refused) -> {
            if (refused != null) {
                recorder.error(arn, refused);
                later(this::poll, settings.retryDelay());
                return;
            }
            Object job = answer.get("deploymentJob");
            if (job == null) {
                later(this::poll, settings.pollWaitSeconds() == 0 ? settings.retryDelay() : Duration.ZERO);
                return;
            }
            recorder.handed(arn, (String) job);
            if (behaviour == RobotBehaviour.SILENT_AFTER_HANDED) {
                silentHolding = true;
                return;
            }
            step(DeploymentPlan.draw((String) job, random, settings.failureRate()), 0);
        });
    }

    /** Reports step {@code index} (InProgress, or Failed for a failing plan) after the step's latency; index 5 is Finished. */
    private void step(DeploymentPlan plan, int index) {
        later(() -> {
            if (index == DeploymentPlan.STEPS.size()) {
                finish(plan, report(plan.job(), "Finished", 100f, "Succeeded", null));
            } else if (plan.failsAt(index)) {
                finish(plan, report(plan.job(), DeploymentPlan.STEPS.get(index), DeploymentPlan.percentDone(index), "Failed",
                        DeploymentPlan.failureCode(index)));
            } else {
                Map<String, Object> body = report(plan.job(), DeploymentPlan.STEPS.get(index), DeploymentPlan.percentDone(index),
                        "InProgress", null);
                send("/agent/v1/report", body, REPORT_TIMEOUT, () -> step(plan, index), (answer, refused) -> {
                    if (refused != null || !Boolean.TRUE.equals(answer.get("continue"))) {
                        if (refused != null) {
                            recorder.error(arn, refused);
                        }
                        recorder.aborted(); // told to stop (job canceled), or the report did not fit
                        poll();
                        return;
                    }
                    step(plan, index + 1);
                });
            }
        }, latency());
    }

    private void finish(DeploymentPlan plan, Map<String, Object> body) {
        recorder.finishing();
        sendFinal(plan, body);
    }

    private void sendFinal(DeploymentPlan plan, Map<String, Object> body) {
        send("/agent/v1/report", body, REPORT_TIMEOUT, () -> sendFinal(plan, body), (answer, refused) -> {
            if (refused != null) {
                recorder.error(arn, refused);
            } else if ("Succeeded".equals(body.get("result"))) {
                recorder.succeeded();
            } else {
                recorder.failed();
            }
            boolean first;
            synchronized (this) {
                first = finished++ == 0;
            }
            if (first) {
                firstFinish.run();
            }
            poll();
        });
    }

    /**
     * Sends once; a transport failure (no answer) is retried with {@code retry} after a delay, an answer other than 200
     * is handed to {@code then} as {@code refused}.
     */
    private void send(String path, Map<String, Object> body, Duration timeout, Runnable retry,
            BiConsumer<Map<String, Object>, Throwable> then) {
        if (stopped) {
            return;
        }
        CompletableFuture<Map<String, Object>> sent;
        try {
            sent = transport.post(endpoint, path, body, timeout);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((answer, failure) -> {
            if (stopped) {
                return;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof AgentTransport.AgentHttpException refused) {
                then.accept(null, refused);
            } else if (cause != null) {
                recorder.error(arn, cause);
                later(retry, settings.retryDelay());
            } else {
                then.accept(answer, null);
            }
        });
    }

    private Map<String, Object> report(String job, String step, float percent, String result, String failureCode) {
        Map<String, Object> body = new HashMap<>(Map.of("robot", arn, "deploymentJob", job, "step", step, "percentDone", percent,
                "result", result));
        if (failureCode != null) {
            body.put("failureCode", failureCode);
            body.put("failureReason", "simulated failure at " + step);
        }
        return body;
    }

    private Duration latency() {
        long min = settings.minStepLatency().toMillis();
        long spread = settings.maxStepLatency().toMillis() - min;
        return Duration.ofMillis(min + (spread <= 0 ? 0 : (long) (random.nextDouble() * (spread + 1))));
    }

    private void later(Runnable task, Duration delay) {
        if (stopped) {
            return;
        }
        if (delay.isZero()) {
            task.run();
            return;
        }
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the simulation was stopped meanwhile
        }
    }
}
