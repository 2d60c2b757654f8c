package dev.fleetsync.deployment;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DeploymentJobRepository implements PanacheRepositoryBase<DeploymentJob, AccountArn> {

    public Uni<DeploymentJob> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /**
     * Locks the fleet's active job, waiting for a rollout step that holds it. Whatever also locks a job's fleet, robots
     * or robot deployments takes the job first, as a step does (job, robot deployments, robots, fleet).
     */
    public Uni<List<DeploymentJob>> lockActiveOfFleet(String accountId, String fleetArn) {
        return find("accountId = :accountId and fleetArn = :fleetArn and status in :active",
                Parameters.with("accountId", accountId).and("fleetArn", fleetArn).and("active", DeploymentStatus.ACTIVE))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** A job whose fleet is deleted cannot finish: it fails, freeing nothing else (the fleet is gone). */
    public Uni<Integer> failActiveOfDeletedFleet(String accountId, String fleetArn, Instant now) {
        return update("status = :failed, failureCode = :code, "
                + "failureReason = 'The fleet was deleted during the deployment', updatedAt = :now "
                + "where accountId = :accountId and fleetArn = :fleetArn and status in :active",
                Parameters.with("failed", DeploymentStatus.Failed)
                        .and("code", DeploymentJobErrorCode.DeploymentFleetDoesNotExist.name()).and("now", now).and("accountId", accountId)
                        .and("fleetArn", fleetArn).and("active", DeploymentStatus.ACTIVE));
    }

    /**
     * The fleet's latest deployment (its most recently created job that was not canceled), only while the fleet exists:
     * a deleted fleet's jobs stay behind, but there is nothing left to synchronize. One statement, since every Sync runs it.
     */
    public Uni<DeploymentJob> latestOfExistingFleet(String accountId, String fleetArn) {
        return find("accountId = ?1 and fleetArn = ?2 and status <> ?3 "
                + "and exists (select 1 from Fleet f where f.accountId = ?1 and f.arn = ?2) order by createdAt desc, arn desc",
                accountId, fleetArn, DeploymentStatus.Canceled).firstResult();
    }

    /** Jobs in creation order, one more than the page asks for, optionally of one status or of fleets of one name. */
    public Uni<List<DeploymentJob>> page(String accountId, DeploymentStatus status, String fleetName, PageRequest page) {
        StringBuilder query = new StringBuilder("accountId = :accountId");
        Parameters params = Parameters.with("accountId", accountId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (fleetName != null) {
            query.append(" and fleetArn in (select f.arn from Fleet f where f.accountId = :accountId and f.name = :fleetName)");
            params.and("fleetName", fleetName);
        }
        page.after().ifPresent(after -> {
            query.append(PageRequest.AFTER_CLAUSE);
            params.and("afterCreatedAt", after.createdAt()).and("afterArn", after.arn());
        });
        query.append(" order by createdAt, arn");
        return find(query.toString(), params).range(0, page.size() - 1).list();
    }

    /** The fleet's newest jobs, newest first, at most {@code limit}. */
    public Uni<List<DeploymentJob>> newestOfFleet(String accountId, String fleetArn, int limit) {
        return find("accountId = ?1 and fleetArn = ?2 order by createdAt desc, arn desc", accountId, fleetArn)
                .range(0, limit - 1).list();
    }
}
