package dev.fleetsync.deployment.rollout;

import dev.fleetsync.common.BackgroundWork;
import dev.fleetsync.common.NativeSql;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.config.RolloutConfig;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.ops.Draining;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deletes the jobs that finished longer ago than the retention (RoboMaker kept them 90 days), on a timer of its own on
 * every instance; their client tokens may then be used again.
 */
@ApplicationScoped
public class JobRetention {
    // Jobs finished before the cutoff, with their tags (robot deployments and client tokens cascade).
    private static final String EXPIRE = """
            with expired as (
                delete from deployment_job
                where status in (:finished) and updated_at < :cutoff
                returning account_id, arn
            )
            delete from resource_tag t using expired e where t.account_id = e.account_id and t.resource_arn = e.arn
            """;

    private static final List<String> FINISHED = DeploymentStatus.names(DeploymentStatus.FINISHED);

    private final Vertx vertx;
    private final RolloutConfig config;
    private final BackgroundWork background;
    private final Clock clock;
    private final Draining draining;
    private volatile long timer = -1;

    public JobRetention(Vertx vertx, RolloutConfig config, BackgroundWork background, Clock clock, Draining draining) {
        this.vertx = vertx;
        this.config = config;
        this.background = background;
        this.clock = clock;
        this.draining = draining;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.expiryPeriod().toMillis(), id -> expire());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void expire() {
        if (draining.draining()) {
            return;
        }
        Instant cutoff = Timestamps.now(clock).minus(config.jobRetention());
        background.run("Deleting expired deployment jobs", () -> Panache.withTransaction(() -> expireFinishedBefore(cutoff)));
    }

    Uni<Integer> expireFinishedBefore(Instant cutoff) {
        return NativeSql.run(EXPIRE, Map.of("cutoff", cutoff, "finished", FINISHED));
    }
}
