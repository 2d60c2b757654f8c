package dev.fleetsync.deployment.rollout;

import dev.fleetsync.common.BackgroundWork;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.config.RolloutConfig;
import dev.fleetsync.deployment.JobChanges;
import dev.fleetsync.ops.Draining;
import dev.fleetsync.ops.FleetMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Moves active jobs forward on every instance: each tick claims due jobs one at a time (row lock, SKIP LOCKED, so
 * instances never step the same job together) and steps each in a transaction of its own, so one failing job holds
 * up no other. A job is also stepped at once when something happens to it (created, a robot finished).
 * <p>
 * Once the instance drains, it starts no new step: other instances' ticks take the jobs over. A step already running
 * (one transaction) is let finish before the instance stops ({@link BackgroundWork}). Expired jobs are deleted on a timer
 * of their own ({@link JobRetention}).
 */
@ApplicationScoped
public class RolloutScheduler {
    private static final Logger LOG = Logger.getLogger(RolloutScheduler.class);
    private static final String STEP = "A rollout step";

    private final Vertx vertx;
    private final RolloutConfig config;
    private final JobClaims claims;
    private final JobStepper stepper;
    private final Clock clock;
    private final FleetMetrics metrics;
    private final Draining draining;
    private final BackgroundWork background;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile long timer = -1;

    public RolloutScheduler(Vertx vertx, RolloutConfig config, JobClaims claims, JobStepper stepper, Clock clock, FleetMetrics metrics,
            Draining draining, BackgroundWork background) {
        this.vertx = vertx;
        this.config = config;
        this.claims = claims;
        this.stepper = stepper;
        this.clock = clock;
        this.metrics = metrics;
        this.draining = draining;
        this.background = background;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.period().toMillis(), id -> tick());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Steps the job soon on this instance, unless another instance is stepping it right now. */
    public void kick(String accountId, String jobArn) {
        if (config.enabled() && !draining.draining()) {
            background.run(STEP, () -> Panache.withTransaction(() -> claims.claim(accountId, jobArn)
                            .flatMap(ref -> ref == null ? Uni.createFrom().<JobChanges>nullItem() : stepper.step(ref)))
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
        background.run(STEP, () -> metrics.timeRolloutTick(() -> stepDue(config.batchSize(), due)).eventually(() -> ticking.set(false)));
    }

    /** Up to {@code remaining} jobs not stepped since {@code due}, one transaction each. */
    Uni<Void> stepDue(int remaining, Instant due) {
        if (remaining == 0 || draining.draining()) {
            return Uni.createFrom().voidItem();
        }
        // null: no job was due; empty: the due job's step failed; else the step's change, logged once committed
        return Panache.withTransaction(() -> claims.claimDue(due).flatMap(ref -> ref == null
                        ? Uni.createFrom().<Optional<JobChanges>>nullItem()
                        : stepper.step(ref).map(Optional::of)))
                .invoke(stepped -> {
                    if (stepped != null) {
                        stepped.ifPresent(JobChanges::log);
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    // The failed job is the oldest due one; put it at the back so that it holds up no other.
                    LOG.warn(STEP + " failed; the job is retried on a later tick", failure);
                    return Panache.withTransaction(() -> claims.postponeDue(due, Timestamps.now(clock)))
                            .replaceWith(Optional.<JobChanges>empty());
                })
                .flatMap(stepped -> stepped == null ? Uni.createFrom().voidItem() : stepDue(remaining - 1, due));
    }
}
