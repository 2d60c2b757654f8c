package dev.fleetsync.support;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;

/**
 * Events are numbered a moment after their commit (events/EventNumbering): a test that reads numbers from the table
 * right after the calls that recorded them waits for this first.
 */
public final class EventsNumbered {
    private EventsNumbered() {
    }

    /** Until every committed event has its number. */
    public static void await(Pool pool) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> pool.query("select count(*) from event where seq is null").executeAndAwait().iterator().next().getLong(0) == 0);
    }
}
