package dev.fleetsync.robot;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Direct SQL for what the API cannot set up: rows of another account, job history, and a transaction held open
 * to race a request against. Tests only.
 */
public final class RobotRows {
    public static final String OTHER_ACCOUNT = "210987654321";

    private final Pool pool;

    public RobotRows(Pool pool) {
        this.pool = pool;
    }

    public String insertFleet(String accountId, String name) {
        String arn = "arn:aws:robomaker:us-west-2:" + accountId + ":deployment-fleet/" + name + "/" + System.nanoTime();
        run("insert into fleet (account_id, arn, name, created_at) values ($1, $2, $3, $4)",
                Tuple.of(accountId, arn, name, now()));
        return arn;
    }

    public String insertRobot(String accountId, String fleetArn, String greengrassGroupId) {
        String arn = "arn:aws:robomaker:us-west-2:" + accountId + ":robot/r-" + UUID.randomUUID() + "/" + System.nanoTime();
        run("insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, fleet_arn, status) "
                + "values ($1, $2, 'elsewhere', 'X86_64', $3, $4, $5, $6)",
                Tuple.tuple().addString(accountId).addString(arn).addString(greengrassGroupId).addValue(now())
                        .addString(fleetArn).addString(fleetArn == null ? "Available" : "Registered"));
        return arn;
    }

    /** A finished job that deployed to the robot: the job history a robot's deletion must leave alone. */
    public String insertDeploymentOf(String accountId, String fleetArn, String robotArn) {
        String job = "arn:aws:robomaker:us-west-2:" + accountId + ":deployment-job/deployment-" + System.nanoTime();
        run("insert into deployment_job (account_id, arn, fleet_arn, status, application_arn, application_version, launch_config, "
                + "concurrent_percentage, failure_threshold_percentage, robot_timeout_seconds, created_at, updated_at) "
                + "values ($1, $2, $3, 'Succeeded', 'arn:aws:robomaker:us-west-2:1:robot-application/a/1', 1, '{}', 20, 25, 60, $4, $4)",
                Tuple.of(accountId, job, fleetArn, now()));
        run("insert into robot_deployment (account_id, job_arn, robot_arn, status) values ($1, $2, $3, 'InSync')",
                Tuple.of(accountId, job, robotArn));
        return job;
    }

    public long count(String sql, Object... params) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getLong(0);
    }

    /** Deletes the fleet in a transaction left open until {@link HeldDelete#commit()}. */
    public HeldDelete holdFleetDeletion(String accountId, String fleetArn) {
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction tx = connection.begin().await().atMost(Duration.ofSeconds(10));
        connection.preparedQuery("delete from fleet where account_id = $1 and arn = $2").execute(Tuple.of(accountId, fleetArn))
                .await().atMost(Duration.ofSeconds(10));
        return new HeldDelete(connection, tx);
    }

    /** Number of sessions waiting on a lock right now. */
    public long lockWaiters() {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'");
    }

    public record HeldDelete(SqlConnection connection, Transaction tx) {
        public void commit() {
            try {
                tx.commit().await().atMost(Duration.ofSeconds(10));
            } finally {
                connection.close().await().atMost(Duration.ofSeconds(10));
            }
        }
    }

    private void run(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().atMost(Duration.ofSeconds(10));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
