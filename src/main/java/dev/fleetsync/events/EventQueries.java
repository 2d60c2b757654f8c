package dev.fleetsync.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads of event streams and the retention's deletes, on the pool and outside any session: a held stream has no
 * request transaction to run in, and each of these is one prepared statement.
 */
@ApplicationScoped
public class EventQueries {
    // The account's numbered events after :after that match the filter, with the account's last number in the same
    // snapshot: every event up to it is committed (numbers are given in commit order), so a reader that found fewer
    // than it asked for has seen all there is up to that number, matching or not.
    private static final String AFTER = """
            select s.last_seq, e.seq, e.type, e.created_at, e.actor, e.fleet_arn, e.job_arn, e.robot_arn, e.details
            from event_sequence s left join lateral (
                select * from event
                where account_id = $1 and seq > $2 and seq <= s.last_seq
                  and ($3::varchar is null or fleet_arn = $3) and ($4::varchar is null or job_arn = $4)
                order by seq limit $5
            ) e on true
            where s.account_id = $1
            order by e.seq
            """;

    private static final String LAST = "select last_seq from event_sequence where account_id = $1";

    // Oldest first, a bounded batch per statement, so retention never holds many row locks or a long transaction.
    private static final String EXPIRE = """
            delete from event where id in (select id from event where created_at < $1 order by created_at limit $2)
            """;

    private final Pool pool;

    public EventQueries(Pool pool) {
        this.pool = pool;
    }

    /** A batch of events after {@code after}, and how far the reader has now seen the account. */
    public record Batch(List<Event> events, long seenUpTo) {
    }

    public Uni<Batch> after(String accountId, EventFilter filter, long after, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(accountId, after, filter.fleetArn(), filter.jobArn(), limit))
                .map(rows -> batch(rows, after, limit));
    }

    /** The account's last event number, 0 before its first event. */
    public Uni<Long> last(String accountId) {
        return pool.preparedQuery(LAST).execute(Tuple.of(accountId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : 0L);
    }

    /** Deletes up to {@code batch} events recorded before {@code cutoff}; answers how many it deleted. */
    public Uni<Integer> expireBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(EXPIRE).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch)).map(RowSet::rowCount);
    }

    private static Batch batch(RowSet<Row> rows, long after, int limit) {
        List<Event> events = new ArrayList<>();
        long last = after;
        for (Row row : rows) {
            last = row.getLong("last_seq");
            if (row.getValue("seq") != null) {
                events.add(new Event(row.getLong("seq"), EventType.valueOf(row.getString("type")),
                        row.getOffsetDateTime("created_at"), row.getString("actor"), row.getString("fleet_arn"),
                        row.getString("job_arn"), row.getString("robot_arn"), row.getJsonObject("details")));
            }
        }
        // a full batch may have more behind it: the reader has seen only up to its last event
        long seen = events.size() == limit ? events.get(events.size() - 1).seq() : Math.max(last, after);
        return new Batch(events, seen);
    }
}
