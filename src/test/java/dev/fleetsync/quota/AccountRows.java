package dev.fleetsync.quota;

import dev.fleetsync.support.Seed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Direct SQL on the rows of one test account: wiping them so that a quota test starts from nothing however often the
 * database has been used, counting them, and seeding what a test needs without going through the quotas.
 */
final class AccountRows {
    private static final String[] TABLES = {"resource_tag", "client_token", "robot_deployment", "deployment_job", "robot", "fleet",
            "robot_application_version", "robot_application"};

    private final Pool pool;
    private final String account;
    private final String prefix;

    AccountRows(Pool pool, String account) {
        this.pool = pool;
        this.account = account;
        this.prefix = "arn:aws:robomaker:us-west-2:" + account + ":";
    }

    void wipe() {
        for (String table : TABLES) {
            pool.preparedQuery("delete from " + table + " where account_id = $1").execute(Tuple.of(account)).await().indefinitely();
        }
    }

    long count(String table) {
        return query("select count(*) from " + table + " where account_id = $1");
    }

    long activeJobs() {
        return query("select count(*) from deployment_job where account_id = $1 and status in ('Pending', 'Preparing', 'InProgress')");
    }

    /** A fleet with one robot in it (a job on an empty fleet would succeed at once and free its place). */
    String fleetWithRobot() {
        String name = "f-" + UUID.randomUUID().toString().substring(0, 8);
        String fleet = prefix + "deployment-fleet/" + name + "/" + System.currentTimeMillis();
        pool.preparedQuery("insert into fleet (account_id, arn, name, created_at) values ($1, $2, $3, $4)")
                .execute(Tuple.of(account, fleet, name, now())).await().indefinitely();
        pool.preparedQuery("""
                insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, fleet_arn, status)
                values ($1, $2, $3, 'X86_64', $3, $4, $5, 'Registered')
                """).execute(Tuple.of(account, prefix + "robot/r" + name + "/" + System.currentTimeMillis(), "r" + name, now(), fleet))
                .await().indefinitely();
        return fleet;
    }

    /** A robot application with version 1. */
    String applicationWithVersion() {
        String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = prefix + "robot-application/" + name + "/" + System.currentTimeMillis();
        pool.preparedQuery("""
                insert into robot_application (account_id, arn, name, suite_name, sources, revision_id, created_at, last_updated_at)
                values ($1, $2, $3, 'General', '[]', 'rev-1', $4, $4)
                """).execute(Tuple.of(account, arn, name, now())).await().indefinitely();
        pool.preparedQuery("""
                insert into robot_application_version (account_id, application_arn, version, suite_name, sources, revision_id, created_at)
                values ($1, $2, 1, 'General', $4, 'rev-1', $3)
                """).execute(Tuple.of(account, arn, now(), Seed.X86_SOURCES)).await().indefinitely();
        return arn;
    }

    /** Ends a job as the rollout would. */
    void finish(String jobArn, String status) {
        pool.preparedQuery("update deployment_job set status = $3 where account_id = $1 and arn = $2")
                .execute(Tuple.of(account, jobArn, status)).await().indefinitely();
    }

    private long query(String sql) {
        return pool.preparedQuery(sql).execute(Tuple.of(account)).await().indefinitely().iterator().next().getLong(0);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
