package dev.fleetsync.fleet;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.ArnFactory;
import dev.fleetsync.common.Page;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.common.ResourceType;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.common.Writes;
import dev.fleetsync.events.EventLog;
import dev.fleetsync.quota.Quota;
import dev.fleetsync.quota.Quotas;
import dev.fleetsync.tag.TagRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

@ApplicationScoped
public class FleetService {
    public static final int PAGE_LIMIT = 200;

    private final FleetRepository fleets;
    private final FleetRobots robots;
    private final FleetJobs jobs;
    private final TagRepository tags;
    private final ArnFactory arns;
    private final Clock clock;
    private final Quotas quotas;

    public FleetService(FleetRepository fleets, FleetRobots robots, FleetJobs jobs, TagRepository tags,
            ArnFactory arns, Clock clock, Quotas quotas) {
        this.fleets = fleets;
        this.robots = robots;
        this.jobs = jobs;
        this.tags = tags;
        this.arns = arns;
        this.clock = clock;
        this.quotas = quotas;
    }

    @WithTransaction
    public Uni<FleetDetails> create(String accountId, String name, Map<String, String> fleetTags) {
        Fleet fleet = new Fleet();
        fleet.accountId = accountId;
        fleet.name = name;
        fleet.createdAt = Timestamps.now(clock);
        fleet.arn = arns.named(ResourceType.FLEET, accountId, name, fleet.createdAt);
        return quotas.check(accountId, Quota.FLEETS).chain(() -> fleets.persist(fleet))
                .call(() -> tags.put(accountId, fleet.arn, fleetTags))
                .map(saved -> new FleetDetails(saved, fleetTags == null ? Map.of() : fleetTags));
    }

    /**
     * Deletes the fleet: its robots are deregistered, and a job still rolling out to it fails with DeploymentFleetDoesNotExist.
     * Locks in a rollout step's order: the fleet's active job first (a step holds it while it writes robots and the
     * fleet), then the fleet. Locking the fleet first deadlocked with a step (40P01) about one call in 20.
     */
    public Uni<Void> delete(String accountId, String arn) {
        // The fleet's lock: a RegisterRobot racing the delete either commits before (and is released here) or finds no fleet.
        return Writes.inTransaction(arn, () -> EventLog.attributeToCaller().chain(() -> jobs.lockActiveOfFleet(accountId, arn))
                .chain(() -> require(accountId, arn, LockModeType.PESSIMISTIC_WRITE))
                .call(fleet -> robots.releaseAll(accountId, arn))
                .call(fleet -> jobs.failActiveOfDeletedFleet(accountId, arn, Timestamps.now(clock)))
                .call(fleet -> tags.removeAll(accountId, arn))
                .call(fleets::delete)
                .replaceWithVoid());
    }

    @WithSession
    public Uni<Page<Fleet>> list(String accountId, String nameFilter, PageRequest page) {
        return fleets.page(accountId, nameFilter, page.withOneMore())
                .map(found -> Page.of(found, page.size(), f -> f.createdAt, f -> f.arn));
    }

    /** Makes a new job the fleet's last deployment; runs in the caller's transaction. */
    public Uni<Integer> recordDeployment(String accountId, String fleetArn, String jobArn, String status, Instant time) {
        return fleets.recordDeployment(accountId, fleetArn, jobArn, status, time);
    }

    /** Mirrors a job's status on its fleet while it is the fleet's last deployment; runs in the caller's transaction. */
    public Uni<Integer> recordStatus(String accountId, String fleetArn, String jobArn, String status) {
        return fleets.recordStatus(accountId, fleetArn, jobArn, status);
    }

    /** The fleet, or ResourceNotFoundException: another account's fleet is reported exactly as a missing one. */
    public Uni<Fleet> require(String accountId, String arn) {
        return require(accountId, arn, LockModeType.NONE);
    }

    /** As {@link #require(String, String)}, with the fleet's row locked as {@code lock} asks until the transaction ends. */
    public Uni<Fleet> require(String accountId, String arn, LockModeType lock) {
        return fleets.findById(new AccountArn(accountId, arn), lock)
                .onItem().ifNull().failWith(() -> ServiceException.notFound("Fleet " + arn + " does not exist"));
    }
}
