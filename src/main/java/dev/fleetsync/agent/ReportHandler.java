package dev.fleetsync.agent;

import dev.fleetsync.common.Validation;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.DeploymentJobErrorCode;
import dev.fleetsync.deployment.DeploymentJobRepository;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.RobotDeployment;
import dev.fleetsync.deployment.RobotDeploymentEnd;
import dev.fleetsync.deployment.RobotDeploymentRepository;
import dev.fleetsync.deployment.RobotDeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies one robot report inside a transaction that locks the robot's deployment row. Reports that do not fit the
 * robot's assignment are refused and change nothing; a repeated report is harmless.
 */
@ApplicationScoped
public class ReportHandler {
    private final RobotDeploymentRepository deployments;
    private final DeploymentJobRepository jobs;
    private final ReportSql sql;
    private final Clock clock;

    public ReportHandler(RobotDeploymentRepository deployments, DeploymentJobRepository jobs, ReportSql sql, Clock clock) {
        this.deployments = deployments;
        this.jobs = jobs;
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Whether the robot should go on, whether this report ended its deployment, and the deployment's failure to log once
     * committed (null unless the report failed it).
     */
    public record Outcome(boolean proceed, boolean finished, RobotDeploymentEnd failed) {
        public Outcome(boolean proceed, boolean finished) {
            this(proceed, finished, null);
        }

        /** A final report ended the deployment, from {@code from} to {@code to}: the robot stops; a failure is logged. */
        static Outcome ended(String robotArn, String jobArn, String fleetArn, RobotDeploymentStatus from, RobotDeploymentStatus to,
                DeploymentJobErrorCode code) {
            return new Outcome(false, true, to == RobotDeploymentStatus.Failed
                    ? new RobotDeploymentEnd(robotArn, jobArn, fleetArn, from, to, code) : null);
        }
    }

    public Uni<Outcome> apply(String accountId, RobotReport report) {
        RobotDeployment.Key key = new RobotDeployment.Key();
        key.accountId = accountId;
        key.jobArn = report.jobArn();
        key.robotArn = report.robotArn();
        return deployments.findById(key, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ServiceException.invalid(
                        "Robot " + report.robotArn() + " has no deployment in job " + report.jobArn()))
                .flatMap(deployment -> jobs.find(accountId, report.jobArn()).flatMap(job -> decide(deployment, job, report)));
    }

    private Uni<Outcome> decide(RobotDeployment deployment, DeploymentJob job, RobotReport report) {
        if (deployment.handedAt == null) {
            throw ServiceException.invalid("Robot " + report.robotArn() + " has not been handed job " + report.jobArn() + "; poll first");
        }
        if (report.result() == RobotReport.Result.Failed && report.failureCode() == null) {
            throw Validation.invalid("failureCode", null, "Member must not be null when result is Failed");
        }
        return switch (deployment.status) {
            case Deploying, NoResponse -> goesOn(deployment.status, job.status) ? record(deployment, job, report) : stop();
            case InSync -> repeated(report, RobotReport.Result.Succeeded, deployment);
            case Failed -> deployment.failureCode == DeploymentJobErrorCode.RobotDeploymentAborted ? stop()
                    : repeated(report, RobotReport.Result.Failed, deployment);
            case PendingNewDeployment ->
                    throw ServiceException.invalid("Robot " + report.robotArn() + " is not deploying job " + report.jobArn());
        };
    }

    /**
     * Whether a report on a handed deployment in this state is recorded and the robot goes on (a final report then ends
     * the deployment). A robot that timed out may still finish: a late success makes it InSync (documented RoboMaker
     * behaviour). ReportSql.PROGRESS and FINISH apply a report in one statement on exactly this rule (ReportStatementsTest).
     */
    static boolean goesOn(RobotDeploymentStatus deployment, DeploymentStatus job) {
        return switch (deployment) {
            case Deploying -> job.isActive();
            case NoResponse -> job != DeploymentStatus.Canceled;
            case PendingNewDeployment, InSync, Failed -> false;
        };
    }

    private Uni<Outcome> record(RobotDeployment deployment, DeploymentJob job, RobotReport report) {
        Instant now = Timestamps.now(clock);
        deployment.progressStep = report.step().name();
        deployment.percentDone = report.percentDone();
        deployment.etaSeconds = report.etaSeconds();
        return switch (report.result()) {
            case InProgress -> Uni.createFrom().item(new Outcome(true, false));
            case Succeeded -> finish(deployment, job, now, RobotDeploymentStatus.InSync, null, null);
            case Failed -> finish(deployment, job, now, RobotDeploymentStatus.Failed, report.failureCode(), report.failureReason());
        };
    }

    private Uni<Outcome> finish(RobotDeployment deployment, DeploymentJob job, Instant now, RobotDeploymentStatus status,
            DeploymentJobErrorCode code, String reason) {
        RobotDeploymentStatus before = deployment.status;
        deployment.status = deployment.status.moveTo(status);
        deployment.deploymentFinishTime = now;
        deployment.failureCode = code;
        deployment.failureReason = reason;
        if (status == RobotDeploymentStatus.InSync) {
            deployment.progressStep = RobotDeploymentStep.Finished.name();
            deployment.percentDone = 100f;
            deployment.etaSeconds = 0;
        }
        return sql.robotFinished(job.accountId, deployment.robotArn, status.name(), job.applicationArn, job.applicationVersion)
                .replaceWith(Outcome.ended(deployment.robotArn, job.arn, job.fleetArn, before, status, code));
    }

    /** The same final report again changes nothing; any other report for a finished deployment does not fit. */
    private static Uni<Outcome> repeated(RobotReport report, RobotReport.Result expected, RobotDeployment deployment) {
        if (report.result() == expected) {
            return stop();
        }
        throw ServiceException.invalid("Robot " + report.robotArn() + " already finished job " + report.jobArn() + " ("
                + deployment.status + ")");
    }

    private static Uni<Outcome> stop() {
        return Uni.createFrom().item(new Outcome(false, false));
    }
}
