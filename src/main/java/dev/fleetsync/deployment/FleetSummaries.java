package dev.fleetsync.deployment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's fleets with their robot counts, in one statement on the reactive client (a read only, outside any
 * Hibernate session: native selects through Hibernate fill its plan cache, see common/NativeSql).
 */
@ApplicationScoped
public class FleetSummaries {
    // "In sync" as SyncDeploymentJob sees it: the robot's last successful version is the latest deployment's.
    private static final String SUMMARIES = """
            select f.arn, f.name, count(r.arn),
                   count(r.arn) filter (where r.synced_application_arn = l.application_arn
                                          and r.synced_application_version = l.application_version),
                   f.last_deployment_job, f.last_deployment_status, f.last_deployment_time
            from fleet f
            left join lateral (
                select j.application_arn, j.application_version from deployment_job j
                where j.account_id = f.account_id and j.fleet_arn = f.arn and j.status <> $3
                order by j.created_at desc, j.arn desc limit 1
            ) l on true
            left join robot r on r.account_id = f.account_id and r.fleet_arn = f.arn
            where f.account_id = $1
            group by f.arn, f.name, f.last_deployment_job, f.last_deployment_status, f.last_deployment_time
            order by f.name, f.arn
            limit $2
            """;

    private final Pool pool;

    public FleetSummaries(Pool pool) {
        this.pool = pool;
    }

    /** At most {@code limit} of the account's fleets, by name. */
    public Uni<List<FleetSummary>> of(String accountId, int limit) {
        return pool.preparedQuery(SUMMARIES).execute(Tuple.of(accountId, limit, DeploymentStatus.Canceled.name())).map(rows -> {
            List<FleetSummary> summaries = new ArrayList<>();
            for (Row row : rows) {
                OffsetDateTime last = row.getOffsetDateTime(6);
                summaries.add(new FleetSummary(row.getString(0), row.getString(1), row.getLong(2).intValue(),
                        row.getLong(3).intValue(), row.getString(4), row.getString(5), last == null ? null : last.toInstant()));
            }
            return summaries;
        });
    }
}
