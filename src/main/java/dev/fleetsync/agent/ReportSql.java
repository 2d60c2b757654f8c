package dev.fleetsync.agent;

import dev.fleetsync.common.NativeSql;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentMove;
import dev.fleetsync.deployment.RobotDeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentStep;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The statements of a robot's report. A report the robot may make is one statement through the reactive client, with
 * no transaction around it (PROGRESS, FINISH); ReportHandler's locking transaction answers the rest and ends a
 * deployment with ROBOT_FINISHED.
 */
@ApplicationScoped
public class ReportSql {
    private final Pool pool;

    public ReportSql(Pool pool) {
        this.pool = pool;
    }

    // Whether a report fits the robot's assignment, on robot_deployment d joined to its deployment_job j: ReportHandler's
    // goesOn, for a deployment handed to the robot. PROGRESS and FINISH share it so that they cannot drift apart.
    static final String FITS = "d.handed_at is not null and ((d.status = :deploying and j.status = any(:active)) "
            + "or (d.status = :noResponse and j.status <> :canceled))";

    // An InProgress report in one statement, without a transaction of its own or a lock held across round trips (issue
    // 16): progress changes no status and ends nothing, so it needs only the row's own lock for the update. It records
    // when the report FITS; no row means some other answer (a refusal, "stop"), which ReportHandler gives in its locking
    // transaction. The robot is named the actor of the step's event in the statement.
    static final String PROGRESS_NAMED = """
            with actor as (
                select set_config('fleetsync.actor', :actor, true) as name
            )
            update robot_deployment d set progress_step = :step, percent_done = :percent, eta_seconds = :eta
            from deployment_job j
            where d.account_id = :account and d.job_arn = :job and d.robot_arn = :robot
              and j.account_id = d.account_id and j.arn = d.job_arn and %s
              and (select name from actor) is not null
            """.formatted(FITS);
    /** PROGRESS's parameters in the order they are numbered. */
    public static final List<String> PROGRESS_PARAMETERS = List.of("account", "job", "robot", "step", "percent", "eta", "actor",
            "deploying", "active", "noResponse", "canceled");
    /** Public for the benchmark's raw SQL (bench/AgentRaw), which sends exactly this. */
    public static final String PROGRESS = AgentSql.numbered(PROGRESS_NAMED, PROGRESS_PARAMETERS);

    // A final report in one statement (issue 16): the deployment ends and the robot's own status (and, on a success, the
    // version it now runs) follows, atomically and committed before the answer, on the same rule as PROGRESS; no row
    // means ReportHandler answers, in its locking transaction. "prior" is the status the deployment ended from, for the
    // log line of a failure.
    static final String FINISH_NAMED = """
            with actor as (
                select set_config('fleetsync.actor', :actor, true) as name
            ), prior as (
                select status from robot_deployment where account_id = :account and job_arn = :job and robot_arn = :robot
            ), finished as (
                update robot_deployment d set status = :to, deployment_finish_time = :now, failure_code = :code,
                       failure_reason = :reason, progress_step = :step, percent_done = :percent, eta_seconds = :eta
                from deployment_job j
                where d.account_id = :account and d.job_arn = :job and d.robot_arn = :robot
                  and j.account_id = d.account_id and j.arn = d.job_arn and d.status = any(:from) and %s
                  and (select name from actor) is not null
                returning j.fleet_arn, j.application_arn, j.application_version
            ), robot_state as (
                update robot r set status = :to,
                       synced_application_arn = case when :synced then f.application_arn else r.synced_application_arn end,
                       synced_application_version = case when :synced then f.application_version else r.synced_application_version end
                from finished f
                where r.account_id = :account and r.arn = :robot
            )
            select f.fleet_arn, (select status from prior) from finished f
            """.formatted(FITS);
    /** FINISH's parameters in the order they are numbered. */
    public static final List<String> FINISH_PARAMETERS = List.of("account", "job", "robot", "actor", "to", "now", "code", "reason",
            "step", "percent", "eta", "synced", "from", "deploying", "active", "noResponse", "canceled");
    /** Public for the benchmark's raw SQL (bench/AgentRaw), which sends exactly this. */
    public static final String FINISH = AgentSql.numbered(FINISH_NAMED, FINISH_PARAMETERS);

    /** The job statuses FITS binds as :active, named once rather than on every report. */
    private static final String[] ACTIVE_JOBS = DeploymentStatus.names(DeploymentStatus.ACTIVE).toArray(String[]::new);

    static {
        // FINISH tells its two "from" statuses apart by the job they may end in, as ReportHandler.goesOn does
        for (RobotDeploymentMove move : List.of(RobotDeploymentMove.REPORT_SUCCEEDED, RobotDeploymentMove.REPORT_FAILED)) {
            if (!move.from().equals(EnumSet.of(RobotDeploymentStatus.Deploying, RobotDeploymentStatus.NoResponse))) {
                throw new IllegalStateException("FINISH ends Deploying and NoResponse deployments, " + move + " moves others");
            }
        }
    }

    private static final String ROBOT_FINISHED = """
            update robot set status = :status,
                   synced_application_arn = case when :synced then :application else synced_application_arn end,
                   synced_application_version = case when :synced then :version else synced_application_version end
            where account_id = :account and arn = :robot
            """;

    /** Records an InProgress report if the robot may go on with its deployment (see PROGRESS); false: it was not recorded. */
    public Uni<Boolean> recordProgress(String accountId, RobotReport report, String actor) {
        return pool.preparedQuery(PROGRESS).execute(progressParameters(accountId, report.jobArn(), report.robotArn(),
                        report.step().name(), report.percentDone(), report.etaSeconds(), actor))
                .map(rows -> rows.rowCount() == 1);
    }

    /** PROGRESS's parameters, in PROGRESS_PARAMETERS' order; public for the benchmark's raw SQL. */
    public static Tuple progressParameters(String accountId, String jobArn, String robotArn, String step, float percent,
            Integer eta, String actor) {
        return withFits(Tuple.tuple().addString(accountId).addString(jobArn).addString(robotArn).addString(step).addFloat(percent)
                .addInteger(eta).addString(actor));
    }

    /** FITS's parameters (deploying, active, noResponse, canceled), the last of both statements'. */
    private static Tuple withFits(Tuple parameters) {
        return parameters.addString(RobotDeploymentStatus.Deploying.name()).addArrayOfString(ACTIVE_JOBS)
                .addString(RobotDeploymentStatus.NoResponse.name()).addString(DeploymentStatus.Canceled.name());
    }

    /**
     * Ends the robot's deployment on its final report if the robot may (see FINISH), and its own status with it; null
     * when that statement did not, and ReportHandler must answer.
     */
    public Uni<Finished> finish(String accountId, RobotReport report, RobotDeploymentMove move, String actor, Instant now) {
        return pool.preparedQuery(FINISH).execute(finishParameters(accountId, report, move, actor, now))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Finished(row.getString(0), RobotDeploymentStatus.valueOf(row.getString(1)));
                });
    }

    /** The job's fleet, and the status the deployment ended from. */
    public record Finished(String fleetArn, RobotDeploymentStatus from) {
    }

    /** FINISH's parameters, in FINISH_PARAMETERS' order; a success records the step Finished, 100 % and no time left. */
    public static Tuple finishParameters(String accountId, RobotReport report, RobotDeploymentMove move, String actor, Instant now) {
        boolean synced = move.to() == RobotDeploymentStatus.InSync;
        return withFits(Tuple.tuple().addString(accountId).addString(report.jobArn()).addString(report.robotArn()).addString(actor)
                .addString(move.to().name()).addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .addString(report.failureCode() == null ? null : report.failureCode().name()).addString(report.failureReason())
                .addString(synced ? RobotDeploymentStep.Finished.name() : report.step().name())
                .addFloat(synced ? 100f : report.percentDone()).addInteger(synced ? Integer.valueOf(0) : report.etaSeconds())
                .addBoolean(synced).addArrayOfString(move.from().stream().map(Enum::name).sorted().toArray(String[]::new)));
    }

    /** A robot's own status after its deployment ended; a success also records the version it now runs. */
    public Uni<Integer> robotFinished(String accountId, String robotArn, String status, String applicationArn, int version) {
        boolean synced = "InSync".equals(status);
        return NativeSql.run(ROBOT_FINISHED, Map.of("account", accountId, "robot", robotArn, "status", status, "synced", synced,
                "application", applicationArn, "version", version));
    }
}
