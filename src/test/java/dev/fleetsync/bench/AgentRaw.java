package dev.fleetsync.bench;

import dev.fleetsync.agent.AgentSql;
import dev.fleetsync.agent.ReportSql;
import dev.fleetsync.agent.RobotReport;
import dev.fleetsync.deployment.RobotDeploymentMove;
import dev.fleetsync.deployment.RobotDeploymentStep;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The limit of the robot protocol: the statements an idle poll and a report issue through the service (taken from
 * agent/AgentService and agent/AgentSql, in the order they run), sent straight through the reactive
 * client. {@link AgentParity} checks that both sides issue as many.
 */
final class AgentRaw {
    /** AgentSql.PENDING, which the service sends as it is: account, robot, to, running, from (one status). */
    private static final String PENDING = AgentSql.PENDING;
    /** AgentSql.HAND_OVER with Hibernate's named parameters numbered: account, robot, to, from (one status), now, running, actor. */
    private static final String HAND_OVER = AgentSql.HAND_OVER.replace(":account", "$1").replace(":robot", "$2").replace(":to", "$3")
            .replace(":from", "$4").replace(":now", "$5").replace(":running", "$6").replace(":actor", "$7");

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

    /** An InProgress report (DownloadingExtracting, {@code percent} done) on a deployment handed to the robot: ReportSql.PROGRESS. */
    Future<Void> inProgress(String account, String job, String robot, float percent) {
        return pool.preparedQuery(ReportSql.PROGRESS)
                .execute(ReportSql.progressParameters(account, job, robot, "DownloadingExtracting", percent, null, robot).getDelegate())
                .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException("no deployment of " + robot + " in " + job + " to go on with")));
    }

    /** A Succeeded report (Launching, 100 %): ReportSql.FINISH, the deployment InSync and the robot's own status with it. */
    Future<Void> succeeded(String account, String job, String robot) {
        RobotReport report = new RobotReport(robot, job, RobotDeploymentStep.Launching, 100f, null, RobotReport.Result.Succeeded, null, null);
        return pool.preparedQuery(ReportSql.FINISH)
                .execute(ReportSql.finishParameters(account, report, RobotDeploymentMove.REPORT_SUCCEEDED, robot, Instant.now()).getDelegate())
                .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IllegalStateException("no deployment of " + robot + " in " + job + " to end")));
    }
}
