package dev.fleetsync.events;

import dev.fleetsync.config.EventsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Numbers committed events (migration V13's {@code event_number_committed}): every {@code numbering-period}, and at
 * once again while a run numbered a full batch. Every instance runs one; the function's advisory lock lets one work at
 * a time, so the others' runs cost one statement that answers -1. Writers never wait for it: numbering is what makes
 * events visible to streams and webhooks, a period after their commit.
 */
@ApplicationScoped
public class EventNumbering {
    private static final Logger LOG = Logger.getLogger(EventNumbering.class);
    private static final String NUMBER = "select event_number_committed($1)";

    private final Vertx vertx;
    private final Pool pool;
    private final EventsConfig config;
    private volatile boolean stopped;
    private boolean failing;

    public EventNumbering(Vertx vertx, Pool pool, EventsConfig config) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        later(config.numberingPeriod().toMillis());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void later(long millis) {
        if (!stopped) {
            vertx.setTimer(Math.max(1, millis), id -> run());
        }
    }

    private void run() {
        if (stopped) {
            return;
        }
        pool.preparedQuery(NUMBER).execute(Tuple.of(config.numberingBatch())).subscribe().with(rows -> {
            int numbered = rows.iterator().next().getInteger(0);
            if (failing) {
                failing = false;
                LOG.info("Numbering events again");
            }
            later(numbered >= config.numberingBatch() ? 0 : config.numberingPeriod().toMillis());
        }, failure -> {
            if (!failing && !stopped) {
                failing = true; // once per outage, not every period
                LOG.warnf("Could not number events; trying again every %s: %s", config.numberingPeriod(), failure.toString());
            }
            later(Math.max(config.numberingPeriod().toMillis(), 1000));
        });
    }
}
