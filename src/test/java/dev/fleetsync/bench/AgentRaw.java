package dev.fleetsync.bench;

import dev.fleetsync.agent.AgentSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The limit of the robot protocol: the statements an idle poll and a report issue through the service (taken from
 * agent/AgentService, agent/AgentSql and agent/ReportHandler, in the order they run), sent straight through the reactive
 * client. {@link AgentParity} checks that both sides issue as many.
 */
final class AgentRaw {
    /** AgentSql.PENDING, which the service sends as it is: account, robot, to, running, from (one status). */
    private static final String PENDING = AgentSql.PENDING;
    /** AgentSql.HAND_OVER with Hibernate's named parameters numbered: account, robot, to, from (one status), now, running, actor. */
    private static final String HAND_OVER = AgentSql.HAND_OVER.replace(":account", "$1").replace(":robot", "$2").replace(":to", "$3")
            .replace(":from", "$4").replace(":now", "$5").replace(":running", "$6").replace(":actor", "$7");
    /** events/EventLog.attributeToCaller: the report's transaction names its robot as the actor of its events, first. */
    private static final String NAME_ACTOR = "select set_config('fleetsync.actor', $1, true)";
    private static final String DEPLOYMENT_COLUMNS = "account_id, job_arn, robot_arn, deployment_finish_time, deployment_start_time, "
            + "eta_seconds, failure_code, failure_reason, handed_at, percent_done, progress_step, status";
    /** ReportHandler.apply: the robot's deployment, its row locked (PESSIMISTIC_WRITE). */
    private static final String LOCK_DEPLOYMENT = "select " + DEPLOYMENT_COLUMNS + " from robot_deployment "
            + "where account_id = $1 and job_arn = $2 and robot_arn = $3 for no key update";
    /** DeploymentJobRepository.find: the job by its id. */
    private static final String FIND_JOB = "select " + RawSync.JOB_COLUMNS + " from deployment_job where account_id = $1 and arn = $2";
    /** Hibernate's flush of the changed deployment: every column but the id. */
    private static final String UPDATE_DEPLOYMENT = "update robot_deployment set deployment_finish_time = $1, deployment_start_time = $2, "
            + "eta_seconds = $3, failure_code = $4, failure_reason = $5, handed_at = $6, percent_done = $7, progress_step = $8, status = $9 "
            + "where account_id = $10 and job_arn = $11 and robot_arn = $12";
    /** AgentSql.ROBOT_FINISHED, numbered: status, synced, application, version, account, robot. */
    private static final String ROBOT_FINISHED = AgentSql.ROBOT_FINISHED.replace(":status", "$1").replace(":synced", "$2")
            .replace(":application", "$3").replace(":version", "$4").replace(":account", "$5").replace(":robot", "$6");

    private final Pool pool;

    AgentRaw(Pool pool) {
        this.pool = pool;
    }

    /** A poll with waitSeconds 0: completes with whether the robot was handed a deployment (or holds one). */
    Future<Boolean> idlePoll(String account, String robot) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.preparedQuery(PENDING).execute(Tuple.of(account, robot, "Deploying", "InProgress", "PendingNewDeployment"))
                .compose(may -> may.size() == 0 || may.iterator().next().getInteger(0) != 2 ? Future.succeededFuture(false)
                        : pool.withTransaction(conn -> conn.preparedQuery(HAND_OVER)
                                .execute(Tuple.of(account, robot, "Deploying", "PendingNewDeployment", now, "InProgress", robot)))
                                .map(handed -> handed.size() > 0));
    }

    /** An InProgress report (DownloadingExtracting, {@code percent} done) on a deployment handed to the robot: AgentSql.PROGRESS. */
    Future<Void> inProgress(String account, String job, String robot, float percent) {
        return pool.preparedQuery(AgentSql.PROGRESS)
                .execute(AgentSql.progressParameters(account, job, robot, "DownloadingExtracting", percent, null, robot).getDelegate())
                .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException("no deployment of " + robot + " in " + job + " to go on with")));
    }

    /** A Succeeded report: the robot's own status and synced version, then the deployment, InSync. */
    Future<Void> succeeded(String account, String job, String robot) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return pool.withTransaction(conn -> locked(conn, account, job, robot)
                .compose(handedAt -> conn.preparedQuery(ROBOT_FINISHED)
                        .execute(Tuple.of("InSync", true, BenchSeed.APPLICATION, 1, account, robot))
                        .compose(r -> conn.preparedQuery(UPDATE_DEPLOYMENT).execute(Tuple.tuple().addOffsetDateTime(now)
                                .addValue(handedAt).addInteger(0).addValue(null).addValue(null).addValue(handedAt).addFloat(100f)
                                .addString("Finished").addString("InSync").addString(account).addString(job).addString(robot)))))
                .mapEmpty();
    }

    /** Locks the deployment, reads its job; completes with the deployment's hand-over time (its start time in the seed). */
    private static Future<OffsetDateTime> locked(SqlConnection conn, String account, String job, String robot) {
        return conn.preparedQuery(NAME_ACTOR).execute(Tuple.of(robot))
                .compose(named -> conn.preparedQuery(LOCK_DEPLOYMENT).execute(Tuple.of(account, job, robot)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new IllegalStateException("no deployment of " + robot + " in " + job));
                    }
                    OffsetDateTime handedAt = rows.iterator().next().getOffsetDateTime("handed_at");
                    return conn.preparedQuery(FIND_JOB).execute(Tuple.of(account, job)).map(j -> handedAt);
                });
    }
}
