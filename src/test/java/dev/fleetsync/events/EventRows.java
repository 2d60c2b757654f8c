package dev.fleetsync.events;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The committed events of a job, robot or fleet, read from the table in sequence order. */
final class EventRows {
    record Recorded(long seq, String type, String actor, String fleetArn, String jobArn, String robotArn, JsonObject details) {
    }

    private final Pool pool;

    EventRows(Pool pool) {
        this.pool = pool;
    }

    /** Every committed event of the account naming {@code arn} as its fleet, job or robot. */
    List<Recorded> about(String accountId, String arn) {
        dev.fleetsync.support.EventsNumbered.await(pool);
        List<Recorded> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                select seq, type, actor, fleet_arn, job_arn, robot_arn, details from event
                where account_id = $1 and $2 in (fleet_arn, job_arn, robot_arn) and seq is not null order by seq
                """).execute(Tuple.of(accountId, arn)).await().indefinitely()) {
            events.add(new Recorded(row.getLong("seq"), row.getString("type"), row.getString("actor"), row.getString("fleet_arn"),
                    row.getString("job_arn"), row.getString("robot_arn"), row.getJsonObject("details")));
        }
        return events;
    }

    List<String> typesAbout(String accountId, String arn) {
        return about(accountId, arn).stream().map(Recorded::type).toList();
    }
}
