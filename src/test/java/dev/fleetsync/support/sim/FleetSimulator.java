package dev.fleetsync.support.sim;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of simulated robots speaking the robot protocol to one or more service instances. Thousands of robots run
 * on a handful of threads: each robot is a chain of asynchronous HTTP calls and scheduled step delays.
 *
 * <pre>{@code
 * try (FleetSimulator fleet = FleetSimulator.builder(robotArns).stepLatency(ms(1), ms(5)).failureRate(0.1).build()) {
 *     fleet.start(instanceA, instanceB);   // robots spread round-robin over the endpoints
 *     fleet.awaitDone(Duration.ofMinutes(1));
 *     SimulationStats stats = fleet.stats();
 * }
 * }</pre>
 */
public final class FleetSimulator implements AutoCloseable {
    private final List<SimulatedRobot> robots = new ArrayList<>();
    private final SimulationRecorder recorder = new SimulationRecorder();
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, daemon("sim-http"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("sim-timer"));
    private final AgentTransport transport = new AgentTransport(httpThreads);
    /** Answering robots that have not finished a deployment yet. */
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile CountDownLatch done = new CountDownLatch(1);
    private volatile long startedAt;
    private volatile long doneAt;
    private final Duration rampUp;

    private FleetSimulator(Builder builder) {
        this.rampUp = builder.rampUp;
        SimulationSettings settings = new SimulationSettings(builder.minLatency, builder.maxLatency, builder.failureRate, builder.seed,
                builder.pollWaitSeconds, Duration.ofMillis(250));
        // one Random per robot, drawn in order from the seed: the same robots fail whatever the interleaving
        // (java.util.Random seeded with neighbouring numbers starts with nearly equal draws, so the seeds are mixed)
        SplittableRandom seeds = new SplittableRandom(builder.seed);
        for (Map.Entry<String, RobotBehaviour> robot : builder.robots.entrySet()) {
            Random random = new Random(seeds.nextLong());
            robots.add(new SimulatedRobot(robot.getKey(), robot.getValue(), random, settings, transport, timer, recorder,
                    this::robotFinishedFirstDeployment));
            if (robot.getValue() == RobotBehaviour.ANSWERS) {
                outstanding.incrementAndGet();
            }
        }
    }

    public static Builder builder(Collection<String> robotArns) {
        return new Builder(robotArns);
    }

    /** Starts every robot; robot i talks to {@code endpoints[i % endpoints.length]}. */
    public FleetSimulator start(URI... endpoints) {
        if (endpoints.length == 0) {
            throw new IllegalArgumentException("at least one endpoint");
        }
        startedAt = System.nanoTime();
        if (outstanding.get() == 0) {
            markDone();
        }
        for (int i = 0; i < robots.size(); i++) {
            SimulatedRobot robot = robots.get(i);
            URI endpoint = endpoints[i % endpoints.length];
            long delay = rampUp.toNanos() * i / robots.size();
            if (delay == 0) {
                robot.start(endpoint);
            } else {
                timer.schedule(() -> robot.start(endpoint), delay, TimeUnit.NANOSECONDS);
            }
        }
        return this;
    }

    /** The robots that talked to {@code from} talk to {@code to} from now on (an instance died; the balancer moved them). */
    public void moveRobots(URI from, URI to) {
        robots.forEach(robot -> robot.moveFrom(from, to));
    }

    /** Waits until every answering robot has finished (succeeded or failed) at least one deployment. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Silent robots come back as answering ones, as if restarted: each forgets the job it held and polls again.
     * {@link #awaitDone} then also waits for them to finish a deployment.
     */
    public synchronized void reviveSilentRobots() {
        List<SimulatedRobot> silent = robots.stream().filter(r -> r.behaviour() != RobotBehaviour.ANSWERS).toList();
        long waiting = silent.stream().filter(r -> !r.hasFinished()).count();
        if (waiting > 0 && outstanding.getAndAdd((int) waiting) == 0) {
            done = new CountDownLatch(1);
        }
        silent.forEach(SimulatedRobot::revive);
    }

    public SimulationStats stats() {
        long end = doneAt;
        return recorder.snapshot(robots.size(), end == 0 ? null : Duration.ofNanos(end - startedAt));
    }

    /** Stops every robot and abandons the requests in flight. */
    @Override
    public void close() {
        robots.forEach(SimulatedRobot::stop);
        transport.cancelAll();
        timer.shutdownNow();
        httpThreads.shutdownNow();
    }

    private synchronized void robotFinishedFirstDeployment() {
        if (outstanding.decrementAndGet() == 0) {
            markDone();
        }
    }

    private void markDone() {
        doneAt = System.nanoTime();
        done.countDown();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a simulation; robots answer, succeed and take no time unless told otherwise. */
    public static final class Builder {
        private final Map<String, RobotBehaviour> robots = new LinkedHashMap<>();
        private Duration minLatency = Duration.ZERO;
        private Duration maxLatency = Duration.ZERO;
        private double failureRate;
        private long seed = 42;
        private int pollWaitSeconds = 20;
        private Duration rampUp = Duration.ZERO;

        private Builder(Collection<String> robotArns) {
            robotArns.forEach(arn -> robots.put(arn, RobotBehaviour.ANSWERS));
        }

        /** Each step's report is sent after a latency drawn uniformly from [min, max]. */
        public Builder stepLatency(Duration min, Duration max) {
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max latency below min");
            }
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** The chance that a deployment fails (at a random step, with that step's failure code). */
        public Builder failureRate(double rate) {
            this.failureRate = rate;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The {@code waitSeconds} of each poll (0..20); 0 polls again after a short pause. */
        public Builder pollWaitSeconds(int seconds) {
            this.pollWaitSeconds = seconds;
            return this;
        }

        /** Robots come online spread evenly over this period instead of all at once (as after a fleet-wide reboot). */
        public Builder rampUp(Duration period) {
            this.rampUp = period;
            return this;
        }

        /** These robots (which must be among the fleet's) behave as given instead of answering. */
        public Builder behave(Collection<String> robotArns, RobotBehaviour behaviour) {
            robotArns.forEach(arn -> {
                if (robots.replace(arn, behaviour) == null) {
                    throw new IllegalArgumentException(arn + " is not one of the simulated robots");
                }
            });
            return this;
        }

        public FleetSimulator build() {
            return new FleetSimulator(this);
        }
    }
}
