package dev.fleetsync.events;

import dev.fleetsync.common.BackgroundWork;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.config.EventsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deletes events older than {@code fleetsync.events.retention}, on every instance (deletes of the same rows simply
 * take turns), in batches of {@code fleetsync.events.retention-batch}, each a statement and transaction of its own.
 */
@ApplicationScoped
public class EventRetention {
    private final Vertx vertx;
    private final EventQueries queries;
    private final EventsConfig config;
    private final Clock clock;
    private final BackgroundWork background;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public EventRetention(Vertx vertx, EventQueries queries, EventsConfig config, Clock clock, BackgroundWork background) {
        this.vertx = vertx;
        this.queries = queries;
        this.config = config;
        this.clock = clock;
        this.background = background;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.retentionPeriod().toMillis(), id -> {
            // a long backlog can outlast the period: one run at a time
            if (running.compareAndSet(false, true)) {
                background.run("Deleting expired events", () -> expire().eventually(() -> running.set(false)));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes every event recorded before now less the retention; answers how many. */
    public Uni<Long> expire() {
        return expireBefore(Timestamps.now(clock).minus(config.retention()), 0L);
    }

    private Uni<Long> expireBefore(Instant cutoff, long deletedSoFar) {
        return queries.expireBefore(cutoff, config.retentionBatch()).flatMap(deleted -> deleted < config.retentionBatch()
                ? Uni.createFrom().item(deletedSoFar + deleted)
                : expireBefore(cutoff, deletedSoFar + deleted));
    }
}
