package dev.fleetsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Events older than fleetsync.events.retention (7 days) go, in batches (2 per statement in tests); newer ones stay. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EventRetentionTest extends ServiceTest {
    /** An account of its own, new each run, so its events are only this test's. */
    private static final String ACCOUNT = "93" + String.format("%010d", Math.floorMod(System.nanoTime(), 10_000_000_000L));
    private static final String PREFIX = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":";

    @Inject
    EventRetention retention;
    @Inject
    EventQueries queries;

    @Test
    void eventsPastTheRetentionAreDeletedInBatchesAndTheRestStay() {
        for (int i = 0; i < 7; i++) {
            run("insert into fleet (account_id, arn, name, created_at) values ($1, $2, 'retention', now())",
                    Tuple.of(ACCOUNT, PREFIX + "deployment-fleet/retention/" + System.nanoTime()));
        }
        run("delete from fleet where account_id = $1", Tuple.of(ACCOUNT)); // 7 FleetDeleted events, in one statement
        dev.fleetsync.support.EventsNumbered.await(pool);
        run("""
                update event set created_at = now() - interval '8 days'
                where id in (select id from event where account_id = $1 order by seq limit 5)
                """, Tuple.of(ACCOUNT));
        long last = queries.last(ACCOUNT).await().indefinitely();

        long deleted = retention.expire().await().indefinitely();

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from event where account_id = $1", ACCOUNT)).isEqualTo(2);
        assertThat(count("select min(seq) from event where account_id = $1", ACCOUNT)).isEqualTo(last - 1);
        assertThat(queries.last(ACCOUNT).await().indefinitely()).as("numbering goes on after a deletion").isEqualTo(last);
    }

    private void run(String sql, Tuple parameters) {
        pool.preparedQuery(sql).execute(parameters).await().indefinitely();
    }

    private long count(String sql, String account) {
        return pool.preparedQuery(sql).execute(Tuple.of(account)).await().indefinitely().iterator().next().getLong(0);
    }
}
