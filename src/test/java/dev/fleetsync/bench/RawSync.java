package dev.fleetsync.bench;

import dev.fleetsync.deployment.idempotency.TokenStatements;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The limit: the statements one SyncDeploymentJob, one retry and one conflicting call issue (as pg_stat_statements lists
 * them for the service), sent straight through the reactive PostgreSQL client, with no HTTP, signing, JSON or ORM.
 */
final class RawSync {
    static final String JOB_COLUMNS = "account_id, arn, application_arn, application_version, concurrent_percentage, created_at, "
            + "download_condition_file, failure_code, failure_reason, failure_threshold_percentage, fleet_arn, launch_config, "
            + "robot_timeout_seconds, status, updated_at";
    /** The fleet's latest deployment, only while the fleet exists. */
    private static final String SELECT_LATEST = "select " + JOB_COLUMNS + " from deployment_job where account_id = $1 and fleet_arn = $2 "
            + "and status <> $3 and exists (select 1 from fleet f where f.account_id = $1 and f.arn = $2) "
            + "order by created_at desc, arn desc offset $4 rows fetch first $5 rows only";
    /** The caller named as the actor of the sync's events (events/EventLog), first thing in the job's work. */
    private static final String NAME_ACTOR = "select set_config('fleetsync.actor', $1, true)";
    /** The retry's read, exactly as the service sends it. */
    private static final String TOKEN_WITH_JOB = TokenStatements.TOKEN_WITH_JOB;
    private static final String INSERT_TOKEN = "insert into client_token (created_at, fingerprint, job_arn, operation, account_id, token) "
            + "values ($1, $2, $3, $4, $5, $6)";
    private static final String INSERT_JOB = "insert into deployment_job (application_arn, application_version, concurrent_percentage, "
            + "created_at, download_condition_file, failure_code, failure_reason, failure_threshold_percentage, fleet_arn, launch_config, "
            + "robot_timeout_seconds, status, updated_at, account_id, arn) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
    private static final String TARGETS = """
            with targets as (
                update robot r set status = 'PendingNewDeployment'
                where r.account_id = $1 and r.fleet_arn = $2
                  and ($3 or r.synced_application_arn is distinct from $4 or r.synced_application_version is distinct from $5)
                returning r.account_id, r.arn)
            insert into robot_deployment (account_id, job_arn, robot_arn, status)
            select account_id, $6, arn, 'PendingNewDeployment' from targets""";
    /** The active-jobs quota check (quota/QuotaSql): the account's lock, then the count, after the job's insert. */
    private static final String QUOTA_LOCK = "select pg_advisory_xact_lock(hashtext($1), hashtext($2))";
    private static final String QUOTA_COUNT = "select count(*) from deployment_job where account_id = $1 "
            + "and status in ('Pending', 'Preparing', 'InProgress')";
    private static final String UPDATE_FLEET = "update fleet set last_deployment_job = $1, last_deployment_status = $2, "
            + "last_deployment_time = $3 where account_id = $4 and arn = $5";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    RawSync(Pool pool) {
        this.pool = pool;
    }

    /** A new job for the fleet, under a new token (looked up first, as the service does); completes with the job's ARN. */
    Future<String> sync(String token, BenchSeed.Fleet fleet) {
        return pool.preparedQuery(TOKEN_WITH_JOB).execute(Tuple.of(fleet.account(), token))
                .compose(used -> pool.withTransaction(conn -> start(conn, token, fleet.account(), fleet.arn())));
    }

    /** The token's job again, as a retry of a call with the same token reads it: one statement, no transaction. */
    Future<String> retry(String token, BenchSeed.Fleet fleet) {
        return pool.preparedQuery(TOKEN_WITH_JOB).execute(Tuple.of(fleet.account(), token)).map(rows -> rows.iterator().next().getString("arn"));
    }

    /** A sync on a fleet with an active job: the insert meets the active-job index, then the token is read again. */
    Future<Boolean> conflict(String token, BenchSeed.Fleet fleet) {
        return sync(token, fleet).map(arn -> false).recover(failure -> {
            if (!(failure instanceof PgException pg) || !UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return Future.failedFuture(failure);
            }
            return pool.preparedQuery(TOKEN_WITH_JOB).execute(Tuple.of(fleet.account(), token)).map(rows -> rows.size() == 0);
        });
    }

    private static Future<String> start(SqlConnection conn, String token, String account, String fleet) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String job = "arn:aws:robomaker:us-west-2:" + account + ":deployment-job/deployment-" + id;
        return conn.preparedQuery(SELECT_LATEST).execute(Tuple.of(account, fleet, "Canceled", 0, 1))
                .compose(latest -> {
                    Row from = latest.iterator().next();
                    Tuple jobRow = Tuple.tuple().addString(from.getString("application_arn")).addInteger(from.getInteger("application_version"))
                            .addInteger(from.getInteger("concurrent_percentage")).addOffsetDateTime(now).addString(null)
                            .addString(null).addString(null).addInteger(from.getInteger("failure_threshold_percentage")).addString(fleet)
                            .addString(from.getString("launch_config")).addLong(from.getLong("robot_timeout_seconds")).addString("Pending")
                            .addOffsetDateTime(now).addString(account).addString(job);
                    return conn.preparedQuery(INSERT_TOKEN).execute(Tuple.of(now, fingerprint(fleet), job, "SyncDeploymentJob", account, token))
                            .compose(t -> conn.preparedQuery(NAME_ACTOR).execute(Tuple.of("AKIDBENCHRAWSQL")))
                            .compose(a -> conn.preparedQuery(INSERT_JOB).execute(jobRow))
                            .compose(j -> conn.preparedQuery(QUOTA_LOCK).execute(Tuple.of("active-deployment-jobs", account)))
                            .compose(l -> conn.preparedQuery(QUOTA_COUNT).execute(Tuple.of(account)))
                            .compose(j -> conn.preparedQuery(TARGETS).execute(Tuple.of(account, fleet, false, from.getString("application_arn"),
                                    from.getInteger("application_version"), job)));
                })
                .compose(targets -> conn.preparedQuery(UPDATE_FLEET).execute(Tuple.of(job, "Pending", now, account, fleet)))
                .map(updated -> job);
    }

    private static String fingerprint(String fleet) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(("SyncDeploymentJob\n" + fleet).getBytes());
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
