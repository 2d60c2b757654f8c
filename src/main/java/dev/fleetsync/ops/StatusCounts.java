package dev.fleetsync.ops;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Recounts each {@link CountedStatuses} table (jobs, robots) by status on a timer and feeds {@link FleetMetrics}. A
 * count from the database, rather than counters bumped on each transition, stays right across replicas and restarts.
 */
@ApplicationScoped
public class StatusCounts {
    private static final Logger LOG = Logger.getLogger(StatusCounts.class);

    private final Pool pool;
    private final Vertx vertx;
    private final FleetMetrics metrics;
    private final OpsConfig config;
    private final List<CountedStatuses> counted;
    private long timer = -1;

    public StatusCounts(Pool pool, Vertx vertx, FleetMetrics metrics, OpsConfig config, @All List<CountedStatuses> counted) {
        this.counted = counted;
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

    /** Counts each table once, one after the other, and updates the gauges. */
    public Uni<Void> refresh() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CountedStatuses table : counted) {
            all = all.chain(() -> count("select status, count(*) from " + table.table() + " group by status")
                    .invoke(counts -> metrics.statusCounts(table.gauge(), counts))).replaceWithVoid();
        }
        return all;
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
