package dev.fleetsync.support;

import dev.fleetsync.application.Etags;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Puts rows straight into the database for tests that need state the API cannot make quickly or at all yet:
 * large fleets, and robots that finished a deployment, without running a rollout.
 */
public final class Seed {
    public static final String ACCOUNT = "123456789012";
    private static final String PREFIX = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":";

    /**
     * The sources of the seeded application versions: one X86_64 bundle, the architecture of the seeded robots (the
     * rollout fails a robot its version has no source for).
     */
    public static final String X86_SOURCES = "[{\"s3Bucket\":\"seed-bundles\",\"s3Key\":\"app-x86.tar.gz\",\"etag\":\""
            + Etags.placeholder("seed-bundles", "app-x86.tar.gz") + "\",\"architecture\":\"X86_64\"}]";

    private final Pool pool;

    public Seed(Pool pool) {
        this.pool = pool;
    }

    /** {@code count} robots registered to the fleet, in one statement; returns their ARNs. */
    public List<String> robotsInFleet(String fleetArn, int count) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        pool.preparedQuery("""
                insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, fleet_arn, status)
                select $1, $2 || 'robot/r' || $3 || '-' || i || '/' || (1700000000000 + i), 'r' || $3 || '-' || i, 'X86_64',
                       $3 || '-' || i, now(), $4, 'Registered'
                from generate_series(1, $5) as i
                """).execute(Tuple.of(ACCOUNT, PREFIX, batch, fleetArn, count)).await().indefinitely();
        return IntStream.rangeClosed(1, count).mapToObj(i -> PREFIX + "robot/r" + batch + "-" + i + "/" + (1700000000000L + i)).toList();
    }

    /** A robot application with numbered versions 1..versions, each with the {@link #X86_SOURCES}; returns its ARN. */
    public String applicationWithVersions(int versions) {
        String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = PREFIX + "robot-application/" + name + "/" + System.currentTimeMillis();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        pool.preparedQuery("""
                insert into robot_application (account_id, arn, name, suite_name, sources, revision_id, created_at, last_updated_at)
                values ($1, $2, $3, 'General', '[]', 'rev-1', $4, $4)
                """).execute(Tuple.of(ACCOUNT, arn, name, now)).await().indefinitely();
        pool.preparedQuery("""
                insert into robot_application_version (account_id, application_arn, version, suite_name, sources, revision_id, created_at)
                select $1, $2, v, 'General', $5, 'rev-1', $3 from generate_series(1, $4) as v
                """).execute(Tuple.of(ACCOUNT, arn, now, versions, X86_SOURCES)).await().indefinitely();
        return arn;
    }

    /** Ends a job as the rollout would: the job with {@code status}, each robot deployment in its given status. */
    public void finish(String jobArn, String status, List<String> inSync, List<String> failed) {
        pool.preparedQuery("update deployment_job set status = $2 where account_id = $1 and arn = $3")
                .execute(Tuple.of(ACCOUNT, status, jobArn)).await().indefinitely();
        robotsTo(jobArn, inSync, "InSync");
        robotsTo(jobArn, failed, "Failed");
        if (!inSync.isEmpty()) {
            pool.preparedQuery("""
                    update robot r set synced_application_arn = j.application_arn, synced_application_version = j.application_version
                    from deployment_job j where j.account_id = $1 and j.arn = $2 and r.account_id = $1 and r.arn = any($3)
                    """).execute(Tuple.of(ACCOUNT, jobArn, inSync.toArray(new String[0]))).await().indefinitely();
        }
    }

    private void robotsTo(String jobArn, List<String> robots, String status) {
        if (robots.isEmpty()) {
            return;
        }
        pool.preparedQuery("""
                update robot_deployment set status = $2, deployment_finish_time = $4
                where account_id = $1 and job_arn = $3 and robot_arn = any($5)
                """).execute(Tuple.of(ACCOUNT, status, jobArn, OffsetDateTime.now(ZoneOffset.UTC), robots.toArray(new String[0])))
                .await().indefinitely();
    }

    public long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

}
