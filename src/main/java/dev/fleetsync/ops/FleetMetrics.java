package dev.fleetsync.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
    /** gauge name -> status -> its value. */
    private final Map<String, Map<String, AtomicLong>> statusGauges = new HashMap<>();

    public FleetMetrics(MeterRegistry registry, @All List<CountedStatuses> counted) {
        this.registry = registry;
        this.syncs = Counter.builder("fleetsync.syncs").description("SyncDeploymentJob calls that created a job").register(registry);
        this.rolloutTick = tickTimer("success");
        this.failedRolloutTick = tickTimer("failure");
        Gauge.builder("fleetsync.long.polls.waiting", longPollsWaiting, AtomicInteger::get)
                .description("Long polls held open by this replica").register(registry);
        for (CountedStatuses table : counted) {
            Map<String, AtomicLong> gauges = statusGauges.computeIfAbsent(table.gauge(), name -> new HashMap<>());
            for (String status : table.statuses()) {
                gauges.put(status, statusGauge(table.gauge(), table.description(), status));
            }
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

    /** Replaces the by-status gauges named {@code gauge}; statuses absent from {@code counts} read 0. */
    public void statusCounts(String gauge, Map<String, Long> counts) {
        statusGauges.getOrDefault(gauge, Map.of()).forEach((status, value) -> value.set(counts.getOrDefault(status, 0L)));
    }

    private AtomicLong statusGauge(String name, String description, String status) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("status", status).register(registry);
        return value;
    }
}
