package dev.fleetsync.deployment.rollout;

import dev.fleetsync.common.Timestamps;
import dev.fleetsync.config.RolloutConfig;
import dev.fleetsync.deployment.JobTransition;
import dev.fleetsync.deployment.rollout.RolloutSql.JobRef;
import dev.fleetsync.ops.Draining;
import dev.fleetsync.ops.FleetMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Moves active jobs forward on every instance: each tick claims due jobs one at a time (row lock, SKIP LOCKED, so
 * instances never step the same job together) and steps each in a transaction of its own, so one failing job holds
 * up no other. A job is also stepped at once when something happens to it (created, a robot finished).
 * <p>
 * Once the instance drains, it starts no new step: other instances' ticks take the jobs over. A step already running
 * (one transaction) is let finish before the instance stops.
 */
@ApplicationScoped
public class RolloutScheduler {
    private static final Logger LOG = Logger.getLogger(RolloutScheduler.class);
    /** Bounds the wait for running steps at shutdown; a step is one short transaction, and an unfinished one rolls back. */
    private static final Duration STEP_GRACE = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final RolloutConfig config;
    private final RolloutSql sql;
    private final JobStepper stepper;
    private final Clock clock;
    private final FleetMetrics metrics;
    private final Draining draining;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Set<CompletableFuture<Void>> running = ConcurrentHashMap.newKeySet();
    private volatile long timer = -1;
    private volatile long expiryTimer = -1;

    public RolloutScheduler(Vertx vertx, RolloutConfig config, RolloutSql sql, JobStepper stepper, Clock clock, FleetMetrics metrics,
            Draining draining) {
        this.vertx = vertx;
        this.config = config;
        this.sql = sql;
        this.stepper = stepper;
        this.clock = clock;
        this.metrics = metrics;
        this.draining = draining;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.period().toMillis(), id -> tick());
            expiryTimer = vertx.setPeriodic(config.expiryPeriod().toMillis(), id -> expire());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(expiryTimer);
        }
        awaitRunningSteps();
    }

    /** Steps the job soon on this instance, unless another instance is stepping it right now. */
    public void kick(String accountId, String jobArn) {
        if (config.enabled() && !draining.draining()) {
            onSafeContext(() -> Panache.withTransaction(() -> sql.claim(accountId, jobArn)
                            .flatMap(ref -> ref == null ? Uni.createFrom().<JobTransition>nullItem() : stepper.step(ref)))
                    .invoke(stepped -> {
                        if (stepped != null) {
                            stepped.log();
                        }
                    }).replaceWithVoid());
        }
    }

    private void tick() {
        if (draining.draining() || !ticking.compareAndSet(false, true)) {
            return; // draining, or the previous tick is still working
        }
        Instant due = Timestamps.now(clock);
        onSafeContext(() -> metrics.timeRolloutTick(() -> stepDue(config.batchSize(), due)).eventually(() -> ticking.set(false)));
    }

    /** Deletes the jobs that finished longer ago than the retention; their tokens may then be used again. */
    void expire() {
        if (draining.draining()) {
            return;
        }
        Instant cutoff = Timestamps.now(clock).minus(config.jobRetention());
        onSafeContext(() -> Panache.withTransaction(() -> sql.expireFinishedBefore(cutoff)));
    }

    /** Up to {@code remaining} jobs not stepped since {@code due}, one transaction each. */
    Uni<Void> stepDue(int remaining, Instant due) {
        if (remaining == 0 || draining.draining()) {
            return Uni.createFrom().voidItem();
        }
        // null: no job was due; empty: the due job's step failed; else the step's change, logged once committed
        return Panache.withTransaction(() -> sql.claimDue(due).flatMap(ref -> ref == null
                        ? Uni.createFrom().<Optional<JobTransition>>nullItem()
                        : stepper.step(ref).map(Optional::of)))
                .invoke(stepped -> {
                    if (stepped != null) {
                        stepped.ifPresent(JobTransition::log);
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    // The failed job is the oldest due one; put it at the back so that it holds up no other.
                    LOG.warn("A rollout step failed; the job is retried on a later tick", failure);
                    return Panache.withTransaction(() -> sql.postponeDue(due, Timestamps.now(clock)))
                            .replaceWith(Optional.<JobTransition>empty());
                })
                .flatMap(stepped -> stepped == null ? Uni.createFrom().voidItem() : stepDue(remaining - 1, due));
    }

    /** Hibernate Reactive needs a duplicated Vert.x context marked safe; timers and callers from other threads have none. */
    private void onSafeContext(Supplier<Uni<?>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.add(done);
        done.whenComplete((ok, failure) -> running.remove(done));
        context.runOnContext(v -> Uni.createFrom().deferred(work).subscribe().with(ok -> done.complete(null), failure -> {
            done.complete(null);
            LOG.warn("A rollout step failed; the job is retried on a later tick", failure);
        }));
    }

    /** Lets the steps already running commit; they started before draining and take one short transaction each. */
    private void awaitRunningSteps() {
        if (Context.isOnEventLoopThread()) {
            return; // the steps need this very thread to finish: waiting here would only stall them
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(STEP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("%d rollout step(s) still running at shutdown; they roll back and another instance repeats them", running.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
