package dev.fleetsync.bench;

import dev.fleetsync.support.Seed;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Seeds the benchmark's state with set-based SQL: fleets whose robots finished a deployment, some of them out of sync,
 * so that every SyncDeploymentJob has a latest deployment to bring them up to. Names carry a batch prefix, so every
 * scenario works on fleets of its own.
 */
final class BenchSeed {
    static final String ACCOUNT = "123456789012";
    static final String PREFIX = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":";
    static final String APPLICATION = PREFIX + "robot-application/bench-app/1700000000000";
    private static final long EPOCH = 1_700_000_000_000L;
    static final int FLEETS_PER_ACCOUNT = 16;
    /** The accounts the seeded fleets are dealt to: {@link BenchPrincipals#FIRST_ACCOUNT} onwards. */
    private long nextAccount = BenchPrincipals.FIRST_ACCOUNT;

    private final Pool pool;

    BenchSeed(Pool pool) {
        this.pool = pool;
    }

    /** The robot application (one version) every seeded deployment deploys. */
    void application() {
        await(pool.preparedQuery("""
                insert into robot_application (account_id, arn, name, suite_name, sources, revision_id, created_at, last_updated_at)
                values ($1, $2, 'bench-app', 'General', '[]', 'rev-1', now(), now())""").execute(Tuple.of(ACCOUNT, APPLICATION)));
        await(pool.preparedQuery("""
                insert into robot_application_version (account_id, application_arn, version, suite_name, sources, revision_id, created_at)
                values ($1, $2, 1, 'General', $3, 'rev-1', now())""").execute(Tuple.of(ACCOUNT, APPLICATION, Seed.X86_SOURCES)));
    }

    /** A fleet and the account it belongs to. */
    record Fleet(String account, String arn) {
    }

    /**
     * {@code count} fleets of {@code robots} robots each, whose latest deployment succeeded on all but {@code outOfSync}
     * of them. The fleets are dealt round-robin to accounts of their own, at most {@link #FLEETS_PER_ACCOUNT} each, so
     * that each account stays under its quota of active jobs when every fleet is synced, and consecutive calls go to
     * different accounts, as calls from many teams do.
     */
    List<Fleet> fleets(String batch, int count, int robots, int outOfSync) {
        int accounts = (count + FLEETS_PER_ACCOUNT - 1) / FLEETS_PER_ACCOUNT;
        long first = nextAccount;
        nextAccount += accounts;
        String numbered = "from (select i, lpad(($2::bigint + (i - 1) % $3)::text, 12, '0') as a from generate_series(1, $4) as i) f";
        String fleetArn = "'arn:aws:robomaker:us-west-2:' || a || ':deployment-fleet/' || $1 || '-' || i || '/' || ($5::bigint + i)";
        String jobArn = "'arn:aws:robomaker:us-west-2:' || a || ':deployment-job/deployment-' || $1 || i";
        String application = "'arn:aws:robomaker:us-west-2:' || a || ':robot-application/bench-app/1700000000000'";
        Tuple params = Tuple.of(batch, first, accounts, count, EPOCH);
        await(pool.preparedQuery("insert into fleet (account_id, arn, name, created_at, last_deployment_job, last_deployment_status, "
                + "last_deployment_time) select a, " + fleetArn + ", $1 || '-' || i, now(), " + jobArn + ", 'Succeeded', now() " + numbered)
                .execute(params));
        await(pool.preparedQuery("insert into deployment_job (account_id, arn, fleet_arn, status, application_arn, application_version, "
                + "launch_config, concurrent_percentage, failure_threshold_percentage, robot_timeout_seconds, created_at, updated_at) "
                + "select a, " + jobArn + ", " + fleetArn + ", 'Succeeded', " + application + ", 1, "
                + "'{\"packageName\":\"bench\",\"launchFile\":\"bench.launch\"}', 20, 25, 18000, now() - interval '1 hour', "
                + "now() - interval '1 hour' " + numbered).execute(params));
        await(pool.preparedQuery("insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, fleet_arn, "
                + "status, last_deployment_job, last_deployment_time, synced_application_arn, synced_application_version) "
                + "select a, 'arn:aws:robomaker:us-west-2:' || a || ':robot/' || $1 || '-' || i || '-' || k || '/' || ($5::bigint + k), "
                + "$1 || '-' || i || '-' || k, 'X86_64', $1 || '-' || i || '-' || k, now(), " + fleetArn + ", "
                + "case when k > $7 then 'InSync' else 'Failed' end, " + jobArn + ", now(), "
                + "case when k > $7 then " + application + " end, case when k > $7 then 1 end "
                + numbered + ", generate_series(1, $6) as k")
                .execute(Tuple.of(batch, first, accounts, count, EPOCH, robots).addInteger(outOfSync)));
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            String account = String.format("%012d", first + (i - 1) % accounts);
            return new Fleet(account, "arn:aws:robomaker:us-west-2:" + account + ":deployment-fleet/" + batch + "-" + i + "/" + (EPOCH + i));
        }).toList();
    }

    /** A fleet of {@code robots} robots that never had a deployment; returns its ARN. */
    String emptyFleetOf(String batch, int robots) {
        String fleet = PREFIX + "deployment-fleet/" + batch + "/" + EPOCH;
        await(pool.preparedQuery("insert into fleet (account_id, arn, name, created_at) values ($1, $2, $3, now())")
                .execute(Tuple.of(ACCOUNT, fleet, batch)));
        await(pool.preparedQuery("""
                insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, fleet_arn, status)
                select $1, $2 || 'robot/' || $3 || '-' || k || '/' || ($4::bigint + k), $3 || '-' || k, 'X86_64', $3 || '-' || k, now(), $5,
                       'Registered'
                from generate_series(1, $6) as k""").execute(Tuple.of(ACCOUNT, PREFIX, batch, EPOCH, fleet, robots)));
        return fleet;
    }

    /**
     * A fleet of {@code robots} robots in a running job, each already handed its deployment (Deploying, not reported on):
     * what a robot that reports finds. Returns the job's ARN; the robots are {@link #robotsOf}{@code (batch, robots)}.
     */
    String handedJob(String batch, int robots) {
        String fleet = emptyFleetOf(batch, robots);
        String job = PREFIX + "deployment-job/deployment-" + batch;
        await(pool.preparedQuery("insert into deployment_job (account_id, arn, fleet_arn, status, application_arn, application_version, "
                + "launch_config, concurrent_percentage, failure_threshold_percentage, robot_timeout_seconds, created_at, updated_at) "
                + "values ($1, $2, $3, 'InProgress', $4, 1, '{\"packageName\":\"bench\",\"launchFile\":\"bench.launch\"}', 100, 100, "
                + "18000, now(), now())").execute(Tuple.of(ACCOUNT, job, fleet, APPLICATION)));
        await(pool.preparedQuery("insert into robot_deployment (account_id, job_arn, robot_arn, status, deployment_start_time, handed_at) "
                + "select account_id, $2, arn, 'Deploying', now(), now() from robot where account_id = $1 and fleet_arn = $3")
                .execute(Tuple.of(ACCOUNT, job, fleet)));
        await(pool.preparedQuery("update robot set status = 'Deploying', last_deployment_job = $2 where account_id = $1 and fleet_arn = $3")
                .execute(Tuple.of(ACCOUNT, job, fleet)));
        return job;
    }

    /** The ARNs of the robots {@link #emptyFleetOf} made. */
    static List<String> robotsOf(String batch, int robots) {
        return IntStream.rangeClosed(1, robots).mapToObj(k -> PREFIX + "robot/" + batch + "-" + k + "/" + (EPOCH + k)).toList();
    }

    /** Ends every active job, as if the earlier scenarios' rollouts had run, so a rollout instance steps only new ones. */
    void finishActiveJobs() {
        await(pool.query("update deployment_job set status = 'Succeeded', updated_at = now() "
                + "where status in ('Pending', 'Preparing', 'InProgress')").execute());
    }

    /** Fresh planner statistics after a bulk load, as autovacuum would give them a little later. */
    void analyze() {
        await(pool.query("analyze").execute());
    }

    /**
     * Brings the database to the same state before every measured phase, on either side: the write path's tables
     * vacuumed and analyzed, then a checkpoint. Otherwise the cleanup of the phase before (autovacuum, a checkpoint and
     * the full-page images that follow it) lands in whichever phase happens to run next, and a single statement, as a
     * retry is, then cost PostgreSQL 0.13 ms in one phase and 0.32 ms in the next. A database that refuses CHECKPOINT
     * (a configured one, without the pg_checkpoint role) is only vacuumed.
     */
    void settle() {
        await(pool.query("vacuum (analyze) fleet, robot, deployment_job, robot_deployment, client_token").execute());
        await(pool.query("checkpoint").execute().recover(refused -> Future.succeededFuture()));
    }

    long count(String sql, Object... params) {
        return await(pool.preparedQuery(sql).execute(Tuple.from(params))).iterator().next().getLong(0);
    }

    /** Disables every trigger that records an event (tg_event_*); the service's statements stay as they are. */
    void disableEventTriggers() {
        execute("""
                do $$ declare t record; begin
                  for t in select c.relname, g.tgname from pg_trigger g join pg_class c on c.oid = g.tgrelid
                           where g.tgname like 'tg_event_%' and not g.tgisinternal loop
                    execute format('alter table %I disable trigger %I', t.relname, t.tgname);
                  end loop;
                end $$""");
    }

    void execute(String sql) {
        await(pool.query(sql).execute());
    }

    String text(String sql) {
        return await(pool.query(sql).execute()).iterator().next().getString(0);
    }

    static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
