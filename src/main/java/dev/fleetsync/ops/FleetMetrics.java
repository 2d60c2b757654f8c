package dev.fleetsync.ops;

import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.robot.RobotStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The domain metrics, in Prometheus as {@code fleetsync_*}. Counters are per replica (sum them); the status gauges
 * count the whole database, so every replica reports the same value (take the max).
 */
@ApplicationScoped
public class FleetMetrics {
    private final MeterRegistry registry;
    private final Counter syncs;
    private final Timer rolloutTick;
    private final Timer failedRolloutTick;
    private final AtomicInteger longPollsWaiting = new AtomicInteger();
    private final Map<DeploymentStatus, AtomicLong> jobs = new EnumMap<>(DeploymentStatus.class);
    private final Map<RobotStatus, AtomicLong> robots = new EnumMap<>(RobotStatus.class);

    public FleetMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.syncs = Counter.builder("fleetsync.syncs").description("SyncDeploymentJob calls that created a job").register(registry);
        this.rolloutTick = tickTimer("success");
        this.failedRolloutTick = tickTimer("failure");
        Gauge.builder("fleetsync.long.polls.waiting", longPollsWaiting, AtomicInteger::get)
                .description("Long polls held open by this replica").register(registry);
        for (DeploymentStatus status : DeploymentStatus.values()) {
            jobs.put(status, statusGauge("fleetsync.deployment.jobs", "Deployment jobs by status", status.name()));
        }
        for (RobotStatus status : RobotStatus.values()) {
            robots.put(status, statusGauge("fleetsync.robots", "Robots by status", status.name()));
        }
    }

    /** A SyncDeploymentJob call created a new job (not an idempotent replay). */
    public void syncCreated() {
        syncs.increment();
    }

    /** A call with a known clientRequestToken and the same parameters answered the stored job. */
    public void idempotentReplay(String operation) {
        registry.counter("fleetsync.idempotent.replays", "operation", operation).increment();
    }

    /** A call was refused because its fleet already has an active job (ConcurrentDeploymentException). */
    public void concurrencyRejected(String operation) {
        registry.counter("fleetsync.concurrency.rejections", "operation", operation).increment();
    }

    /**
     * An API call was answered with an AWS error (its {@code X-Amzn-ErrorType}, e.g. {@code ThrottlingException}),
     * whichever layer refused it: the edge, the validator, the domain or a server fault.
     */
    public void rejected(String operation, String error) {
        registry.counter("fleetsync.rejections", "operation", operation, "error", error).increment();
    }

    /**
     * Times the tick {@code tick} subscribes to, by outcome: a tick that failed (or was cancelled) counts under
     * {@code outcome="failure"}, so an operator can alert on a rollout that keeps failing.
     */
    public <T> Uni<T> timeRolloutTick(Supplier<Uni<T>> tick) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return tick.get().onTermination().invoke((item, failure, cancelled) -> (failure == null && !cancelled ? rolloutTick
                    : failedRolloutTick).record(Duration.ofNanos(System.nanoTime() - start)));
        });
    }

    private Timer tickTimer(String outcome) {
        return Timer.builder("fleetsync.rollout.tick").description("Duration of one rollout scheduler tick").tag("outcome", outcome)
                .register(registry);
    }

    /** A long poll started waiting; pair every call with {@link #longPollEnded()}. */
    public void longPollStarted() {
        longPollsWaiting.incrementAndGet();
    }

    public void longPollEnded() {
        longPollsWaiting.decrementAndGet();
    }

    /** Replaces the jobs-by-status gauges; statuses absent from {@code counts} read 0. */
    public void jobCounts(Map<String, Long> counts) {
        jobs.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status.name(), 0L)));
    }

    /** Replaces the robots-by-status gauges; statuses absent from {@code counts} read 0. */
    public void robotCounts(Map<String, Long> counts) {
        robots.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status.name(), 0L)));
    }

    private AtomicLong statusGauge(String name, String description, String status) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("status", status).register(registry);
        return value;
    }
}
