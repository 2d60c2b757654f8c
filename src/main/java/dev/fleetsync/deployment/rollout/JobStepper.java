package dev.fleetsync.deployment.rollout;

import dev.fleetsync.application.RobotApplicationService;
import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.DeploymentJobErrorCode;
import dev.fleetsync.deployment.DeploymentJobRepository;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.JobChanges;
import dev.fleetsync.deployment.JobTransition;
import dev.fleetsync.deployment.RobotDeploymentEnd;
import dev.fleetsync.fleet.FleetRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of one job, inside the transaction that holds the job's row lock: moves it along its lifecycle, times out
 * silent robots, starts the next robots of the wave, and ends the job when the policies say so.
 */
@ApplicationScoped
public class JobStepper {
    private final DeploymentJobRepository jobs;
    private final FleetRepository fleets;
    private final RobotApplicationService applications;
    private final StepSql sql;
    private final Clock clock;

    public JobStepper(DeploymentJobRepository jobs, FleetRepository fleets, RobotApplicationService applications, StepSql sql,
            Clock clock) {
        this.jobs = jobs;
        this.fleets = fleets;
        this.applications = applications;
        this.sql = sql;
        this.clock = clock;
    }

    /** Steps a job this transaction has locked; returns the changes it made to the job and its robots (for the log, after commit). */
    public Uni<JobChanges> step(JobRef ref) {
        Instant now = Timestamps.now(clock);
        List<RobotDeploymentEnd> ended = new ArrayList<>();
        return jobs.findById(new AccountArn(ref.accountId(), ref.arn())).flatMap(job -> {
            DeploymentStatus before = job.status;
            return advance(job, ref, now, ended).call(() -> {
                job.updatedAt = now;
                return fleets.recordStatus(job.accountId, job.fleetArn, job.arn, job.status.name());
            }).map(ignored -> new JobChanges(JobTransition.of(job, before), ended));
        });
    }

    /**
     * Ends the robots' part in a job being canceled, in the transaction holding the job's row lock: robots holding its
     * deployment are told to stop, and robots not yet handed it never get it. Robot deployments before robots, as a step
     * takes them (the lock order in docs/architecture.md): the abort locks the deploying robots' deployments, then those
     * robots; only then are the waiting robots released. Releasing first locked robots before robot deployments.
     */
    public Uni<List<RobotDeploymentEnd>> stopRobotsOfCanceled(JobRef ref, String fleetArn, Instant now) {
        return sql.abortHanded(ref, fleetArn, now).call(() -> sql.releaseUnstarted(ref));
    }

    /** Pending and Preparing are passed in the same step when nothing stands in the way, so robots start at once. */
    private Uni<Void> advance(DeploymentJob job, JobRef ref, Instant now, List<RobotDeploymentEnd> ended) {
        return switch (job.status) {
            case Pending -> fleets.find(job.accountId, job.fleetArn).flatMap(fleet -> fleet == null
                    ? fail(job, ref, DeploymentJobErrorCode.DeploymentFleetDoesNotExist.name(), "The fleet " + job.fleetArn + " no longer exists")
                    : moveTo(job, DeploymentStatus.Preparing).chain(() -> advance(job, ref, now, ended)));
            case Preparing -> applications.versionExists(job.accountId, job.applicationArn, job.applicationVersion)
                    .flatMap(exists -> exists
                            ? moveTo(job, DeploymentStatus.InProgress).chain(() -> advance(job, ref, now, ended))
                            : fail(job, ref, DeploymentJobErrorCode.RobotApplicationDoesNotExist.name(),
                                    "Robot application " + job.applicationArn + " version " + job.applicationVersion + " no longer exists"));
            case InProgress -> rollOut(job, ref, now, ended);
            case Succeeded, Failed, Canceled -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> rollOut(DeploymentJob job, JobRef ref, Instant now, List<RobotDeploymentEnd> ended) {
        return sql.timeOut(ref, job.fleetArn, RobotTimeout.startedBefore(now, job.robotTimeoutSeconds), now, job.robotTimeoutSeconds)
                .invoke(ended::addAll)
                .chain(() -> decide(job, ref, now, true, ended));
    }

    /**
     * Acts on the job's progress. A wave that started fewer robots than it had slots for failed some at their turn (no
     * source for their architecture): the job may be finished now, so it is decided once more, without waiting a tick.
     */
    private Uni<Void> decide(DeploymentJob job, JobRef ref, Instant now, boolean again, List<RobotDeploymentEnd> ended) {
        return sql.progress(ref).flatMap(progress -> {
            RolloutDecision decision = RolloutDecision.decide(progress, job.concurrentPercentage, job.failureThresholdPercentage);
            if (decision instanceof RolloutDecision.Continue next) {
                int failuresLeft = FailureThreshold.failuresLeft(progress.failures(), progress.robots(), job.failureThresholdPercentage);
                return sql.admit(ref, job.fleetArn, next.start(), failuresLeft, versionName(job), now)
                        .invoke(admission -> ended.addAll(admission.failed()))
                        .flatMap(admission -> again && admission.started() < next.start() ? decide(job, ref, now, false, ended)
                                : Uni.createFrom().voidItem());
            }
            if (decision instanceof RolloutDecision.Fail failure) {
                return fail(job, ref, failure.failureCode(), failure.failureReason());
            }
            return moveTo(job, DeploymentStatus.Succeeded);
        });
    }

    private static String versionName(DeploymentJob job) {
        return "Version " + job.applicationVersion + " of robot application " + job.applicationArn;
    }

    private Uni<Void> fail(DeploymentJob job, JobRef ref, String code, String reason) {
        job.status = job.status.moveTo(DeploymentStatus.Failed);
        job.failureCode = code;
        job.failureReason = reason;
        return sql.releaseUnstarted(ref).replaceWithVoid();
    }

    private static Uni<Void> moveTo(DeploymentJob job, DeploymentStatus target) {
        job.status = job.status.moveTo(target);
        return Uni.createFrom().voidItem();
    }
}
