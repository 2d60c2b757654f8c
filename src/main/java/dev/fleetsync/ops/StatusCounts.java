package dev.fleetsync.ops;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Recounts jobs and robots by status on a timer and feeds {@link FleetMetrics}. A count from the database, rather
 * than counters bumped on each transition, stays right across replicas and restarts.
 */
@ApplicationScoped
public class StatusCounts {
    private static final Logger LOG = Logger.getLogger(StatusCounts.class);

    private final Pool pool;
    private final Vertx vertx;
    private final FleetMetrics metrics;
    private final OpsConfig config;
    private long timer = -1;

    public StatusCounts(Pool pool, Vertx vertx, FleetMetrics metrics, OpsConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.metrics = metrics;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        long period = config.metrics().refreshInterval().toMillis();
        if (period <= 0) {
            return;
        }
        refresh().subscribe().with(ignored -> { }, StatusCounts::warn);
        timer = vertx.setPeriodic(period, id -> refresh().subscribe().with(ignored -> { }, StatusCounts::warn));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Counts both tables once and updates the gauges. */
    public Uni<Void> refresh() {
        return count("select status, count(*) from deployment_job group by status").invoke(metrics::jobCounts)
                .chain(() -> count("select status, count(*) from robot group by status")).invoke(metrics::robotCounts)
                .replaceWithVoid();
    }

    private Uni<Map<String, Long>> count(String sql) {
        return pool.query(sql).execute().map(rows -> {
            Map<String, Long> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(row.getString(0), row.getLong(1));
            }
            return counts;
        });
    }

    private static void warn(Throwable failure) {
        LOG.warnf("Could not refresh the status gauges: %s", failure.getMessage());
    }
}
