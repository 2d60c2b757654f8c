package dev.fleetsync.deployment;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.ArnFactory;
import dev.fleetsync.common.Page;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.deployment.idempotency.IdempotencyKey;
import dev.fleetsync.deployment.idempotency.IdempotentJobs;
import dev.fleetsync.deployment.rollout.JobRef;
import dev.fleetsync.deployment.rollout.JobStepper;
import dev.fleetsync.deployment.rollout.RolloutScheduler;
import dev.fleetsync.events.EventLog;
import dev.fleetsync.fleet.FleetService;
import dev.fleetsync.quota.Quota;
import dev.fleetsync.quota.Quotas;
import dev.fleetsync.tag.TagRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CreateDeploymentJob, SyncDeploymentJob, CancelDeploymentJob and the reads of jobs. */
@ApplicationScoped
public class DeploymentJobService {
    public static final int PAGE_LIMIT = 200;

    private final DeploymentJobRepository jobs;
    private final RobotDeploymentRepository robotDeployments;
    private final IdempotentJobs idempotent;
    private final ApplicationVersions applicationVersions;
    private final FleetService fleets;
    private final TagRepository tags;
    private final JobStepper stepper;
    private final RolloutScheduler scheduler;
    private final ArnFactory arns;
    private final Clock clock;
    private final Quotas quotas;
    private final DownloadConditionEtags conditionEtags;

    public DeploymentJobService(DeploymentJobRepository jobs, RobotDeploymentRepository robotDeployments, IdempotentJobs idempotent, ApplicationVersions applicationVersions, FleetService fleets, TagRepository tags,
            JobStepper stepper, RolloutScheduler scheduler, ArnFactory arns, Clock clock, Quotas quotas,
            DownloadConditionEtags conditionEtags) {
        this.conditionEtags = conditionEtags;
        this.jobs = jobs;
        this.robotDeployments = robotDeployments;
        this.idempotent = idempotent;
        this.applicationVersions = applicationVersions;
        this.fleets = fleets;
        this.tags = tags;
        this.stepper = stepper;
        this.scheduler = scheduler;
        this.arns = arns;
        this.clock = clock;
        this.quotas = quotas;
    }

    /** Deploys an application version to every robot of the fleet. */
    public Uni<JobDetails> create(String accountId, IdempotencyKey key, JobRequest request, Map<String, String> jobTags) {
        String arn = arns.deploymentJob(accountId);
        return idempotent.once(accountId, key, arn, () -> fleets.require(accountId, request.fleetArn())
                        .chain(fleet -> applicationVersions.require(accountId, request.applicationArn(), request.applicationVersion()))
                        .flatMap(version -> conditionEtags.resolve(request)
                                .flatMap(resolved -> start(accountId, arn, resolved.withVersion(version), true, jobTags))))
                .invoke(job -> scheduler.kick(accountId, job.arn))
                .flatMap(job -> withTags(job));
    }

    /**
     * Brings the fleet's robots up to its latest deployment (its newest job that was not canceled): a new job with that
     * job's application and settings, targeting the robots not in sync with that application version.
     */
    public Uni<JobDetails> sync(String accountId, IdempotencyKey key, String fleetArn) {
        String arn = arns.deploymentJob(accountId);
        return idempotent.once(accountId, key, arn, () -> jobs.latestOfExistingFleet(accountId, fleetArn)
                        .onItem().ifNull().switchTo(() -> nothingToSynchronize(accountId, fleetArn))
                        .flatMap(latest -> start(accountId, arn, JobSettingsCodec.read(latest), false, Map.of())))
                .invoke(job -> scheduler.kick(accountId, job.arn))
                .map(job -> new JobDetails(job, JobSettingsCodec.read(job), List.of(), Map.of()));
    }

    /** Why a fleet has no latest deployment: it does not exist (ResourceNotFound for the fleet), or was never deployed to. */
    private Uni<DeploymentJob> nothingToSynchronize(String accountId, String fleetArn) {
        return fleets.require(accountId, fleetArn).flatMap(fleet -> Uni.createFrom().failure(ServiceException.notFound(
                "Fleet " + fleetArn + " has no deployment to synchronize to; create a deployment job first")));
    }

    private Uni<DeploymentJob> start(String accountId, String arn, JobSpec spec, boolean everyRobot, Map<String, String> jobTags) {
        Instant now = Timestamps.now(clock);
        DeploymentJob job = new DeploymentJob();
        job.accountId = accountId;
        job.arn = arn;
        job.status = DeploymentStatus.Pending;
        job.createdAt = now;
        job.updatedAt = now;
        JobSettingsCodec.write(job, spec);
        return EventLog.attributeToCaller().chain(() -> jobs.persist(job))
                .call(() -> jobs.flush())
                .call(() -> quotas.confirm(accountId, Quota.ACTIVE_DEPLOYMENT_JOBS)) // after the insert: a racing duplicate met its constraint first
                .call(() -> robotDeployments.addTargets(job, everyRobot))
                .call(() -> fleets.recordDeployment(accountId, job.fleetArn, job.arn, job.status.name(), now))
                .call(() -> tags.put(accountId, job.arn, jobTags));
    }

    /** Cancels an active job; canceling a canceled job again is a harmless retry. */
    public Uni<Void> cancel(String accountId, String arn) {
        // logged once committed: a cancel rolled back never happened
        return Panache.withTransaction(() -> cancelLocked(accountId, arn)).invoke(JobChanges::log).replaceWithVoid();
    }

    private Uni<JobChanges> cancelLocked(String accountId, String arn) {
        Instant now = Timestamps.now(clock);
        // The row lock keeps the job's stepper out until the cancel is committed.
        return EventLog.attributeToCaller().chain(() -> jobs.findById(new AccountArn(accountId, arn), LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> ServiceException.notFound("Deployment job " + arn + " does not exist"))
                .flatMap(job -> {
                    DeploymentStatus before = job.status;
                    if (job.status == DeploymentStatus.Canceled) {
                        return Uni.createFrom().item(new JobChanges(JobTransition.of(job, before), List.of()));
                    }
                    if (!job.status.canMoveTo(DeploymentStatus.Canceled)) {
                        return Uni.createFrom().failure(ServiceException.invalid(
                                "Deployment job " + arn + " has already finished (" + job.status + ") and cannot be canceled"));
                    }
                    job.status = job.status.moveTo(DeploymentStatus.Canceled);
                    job.updatedAt = now;
                    return stepper.stopRobotsOfCanceled(new JobRef(accountId, arn), job.fleetArn, now)
                            .call(() -> fleets.recordStatus(accountId, job.fleetArn, arn, DeploymentStatus.Canceled.name()))
                            .map(aborted -> new JobChanges(JobTransition.of(job, before), aborted));
                });
    }

    @WithSession
    public Uni<JobDetails> describe(String accountId, String arn) {
        return require(accountId, arn).flatMap(job -> robotDeployments.ofJob(accountId, arn)
                .flatMap(robots -> tags.tagsOf(accountId, arn)
                        .map(jobTags -> new JobDetails(job, JobSettingsCodec.read(job), robots, jobTags))));
    }

    @WithSession
    public Uni<Page<JobDetails>> list(String accountId, DeploymentStatus status, String fleetName, PageRequest page) {
        return jobs.page(accountId, status, fleetName, page.withOneMore())
                .map(found -> Page.of(found, page.size(), j -> j.createdAt, j -> j.arn)
                        .map(job -> new JobDetails(job, JobSettingsCodec.read(job), List.of(), Map.of())));
    }

    private Uni<DeploymentJob> require(String accountId, String arn) {
        return jobs.find(accountId, arn)
                .onItem().ifNull().failWith(() -> ServiceException.notFound("Deployment job " + arn + " does not exist"));
    }

    private Uni<JobDetails> withTags(DeploymentJob job) {
        return Panache.withSession(() -> tags.tagsOf(job.accountId, job.arn))
                .map(jobTags -> new JobDetails(job, JobSettingsCodec.read(job), List.of(), jobTags));
    }

    /** The fleet's newest jobs, newest first, without their robots (the dashboard's fleet page). */
    @WithSession
    public Uni<List<DeploymentJob>> newestOfFleet(String accountId, String fleetArn, int limit) {
        return jobs.newestOfFleet(accountId, fleetArn, limit);
    }
}
