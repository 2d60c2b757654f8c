package dev.fleetsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Numbers are given after commit, a whole numbering run at a time: however writers of one account interleave, commit
 * late or roll back, a reader following the account never finds a number it has passed appear later (with a plain
 * sequence, a transaction that took 9 and committed after 10 was read would be skipped), and never sees a gap.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EventSequenceTest extends ServiceTest {
    /** An account of its own, so no other test's events interleave with these. */
    private static final String ACCOUNT = "919191919191";
    private static final String PREFIX = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":";
    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_EACH = 25;

    @Inject
    EventQueries queries;

    @Test
    void concurrentWritersThatCommitLateOrRollBackNeverLetAReaderSkipANumber() throws Exception {
        String fleet = PREFIX + "deployment-fleet/sequence/1";
        run("insert into fleet (account_id, arn, name, created_at) values ($1, $2, 'sequence', now()) on conflict do nothing",
                Tuple.of(ACCOUNT, fleet));
        long start = queries.last(ACCOUNT).await().indefinitely();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicInteger committed = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String robot = PREFIX + "robot/sequence-" + w + "-" + System.nanoTime() + "/1";
            run("""
                    insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, status)
                    values ($1, $2, $3, 'X86_64', $3, now(), 'Available')
                    """, Tuple.of(ACCOUNT, robot, "seq-" + w + "-" + System.nanoTime()));
            Random random = new Random(1000 + w); // fixed seed per writer: which transactions dawdle, which roll back
            running.add(writers.submit(() -> {
                for (int t = 0; t < TRANSACTIONS_EACH; t++) {
                    boolean rollBack = random.nextInt(5) == 0;
                    double dawdle = random.nextInt(30) / 1000.0;
                    if (toggle(fleet, robot, dawdle, rollBack)) {
                        committed.incrementAndGet();
                    }
                }
            }));
        }

        long seen = start;
        List<Long> read = new ArrayList<>();
        while (!running.stream().allMatch(Future::isDone) || seen < start + committed.get()) {
            EventQueries.Batch batch = queries.after(ACCOUNT, EventFilter.ALL, seen, 3).await().indefinitely();
            List<Long> numbers = batch.events().stream().map(Event::seq).toList();
            assertThat(numbers).as("a read after %d", seen)
                    .containsExactlyElementsOf(LongStream.rangeClosed(seen + 1, seen + numbers.size()).boxed().toList());
            assertThat(batch.seenUpTo()).isEqualTo(seen + numbers.size());
            read.addAll(numbers);
            seen = batch.seenUpTo();
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        for (Future<?> writer : running) {
            writer.get(); // a writer's own failure fails the test
        }

        assertThat(committed.get()).isGreaterThan(WRITERS * TRANSACTIONS_EACH / 2);
        // how often insertion order (what a plain sequence would number by) differed from commit order: what could be skipped
        long inverted = run("select count(*) from (select id < lag(id) over (order by seq) as inverted from event"
                + " where account_id = $1) p where inverted", Tuple.of(ACCOUNT)).iterator().next().getLong(0);
        System.out.println("EventSequenceTest: events committed in another order than inserted: " + inverted);
        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + committed.get()).boxed().toList());
    }

    /** One transaction moving the robot into or out of the fleet (one event), dawdling before it ends; true if committed. */
    private boolean toggle(String fleet, String robot, double dawdleSeconds, boolean rollBack) {
        Uni<Boolean> work = pool.withTransaction(connection -> connection.preparedQuery("""
                        update robot set fleet_arn = case when fleet_arn is null then $3 end where account_id = $1 and arn = $2
                        """).execute(Tuple.of(ACCOUNT, robot, fleet))
                .chain(() -> connection.preparedQuery("select pg_sleep($1)").execute(Tuple.of(dawdleSeconds)))
                .chain(() -> rollBack ? Uni.createFrom().failure(new RolledBack()) : Uni.createFrom().item(true)));
        return work.onFailure(RolledBack.class).recoverWithItem(false).await().indefinitely();
    }

    private RowSet<Row> run(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely();
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back on purpose", null, false, false);
        }
    }
}
