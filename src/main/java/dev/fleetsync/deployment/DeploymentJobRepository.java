package dev.fleetsync.deployment;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.Hql;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.fleet.FleetJobs;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class DeploymentJobRepository implements PanacheRepositoryBase<DeploymentJob, AccountArn>, Hql.Statements, FleetJobs {
    // Through the session, not Panache's find(String) and update(String), so that HqlWarmUp interprets every one at
    // start-up: the locked read runs on each fleet change, the page on each ListDeploymentJobs.
    private static final String ACTIVE_OF_FLEET = "from DeploymentJob where accountId = :accountId and fleetArn = :fleetArn "
            + "and status in :active";
    private static final String FAIL_OF_DELETED_FLEET = "update DeploymentJob set status = :failed, failureCode = :code, "
            + "failureReason = 'The fleet was deleted during the deployment', updatedAt = :now "
            + "where accountId = :accountId and fleetArn = :fleetArn and status in :active";
    private static final String LATEST_OF_EXISTING_FLEET = "from DeploymentJob where accountId = :accountId and fleetArn = :fleetArn "
            + "and status <> :canceled and exists (select 1 from Fleet f where f.accountId = :accountId and f.arn = :fleetArn) "
            + "order by createdAt desc, arn desc";
    private static final String NEWEST_OF_FLEET = "from DeploymentJob where accountId = :accountId and fleetArn = :fleetArn "
            + "order by createdAt desc, arn desc";
    private static final String PAGE = "from DeploymentJob where accountId = :accountId";
    private static final List<String> PAGE_CLAUSES = List.of(" and status = :status",
            " and fleetArn in (select f.arn from Fleet f where f.accountId = :accountId and f.name = :fleetName)", PageRequest.AFTER_CLAUSE);
    private static final String PAGE_ORDER = " order by createdAt, arn";

    @Override
    public List<Hql> statements() {
        List<Hql> statements = new ArrayList<>(List.of(new Hql(ACTIVE_OF_FLEET, DeploymentJob.class), new Hql(FAIL_OF_DELETED_FLEET, null),
                new Hql(LATEST_OF_EXISTING_FLEET, DeploymentJob.class), new Hql(NEWEST_OF_FLEET, DeploymentJob.class)));
        statements.addAll(Hql.variants(PAGE, PAGE_CLAUSES, PAGE_ORDER, DeploymentJob.class));
        return statements;
    }

    public Uni<DeploymentJob> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /**
     * Locks the fleet's active job, waiting for a rollout step that holds it. Whatever also locks a job's fleet, robots
     * or robot deployments takes the job first, as a step does (job, robot deployments, robots, fleet).
     */
    @Override
    public Uni<List<DeploymentJob>> lockActiveOfFleet(String accountId, String fleetArn) {
        return getSession().chain(s -> s.createSelectionQuery(ACTIVE_OF_FLEET, DeploymentJob.class).setParameter("accountId", accountId)
                .setParameter("fleetArn", fleetArn).setParameter("active", DeploymentStatus.ACTIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /** A job whose fleet is deleted cannot finish: it fails, freeing nothing else (the fleet is gone). */
    @Override
    public Uni<Integer> failActiveOfDeletedFleet(String accountId, String fleetArn, Instant now) {
        return getSession().chain(s -> s.createMutationQuery(FAIL_OF_DELETED_FLEET).setParameter("failed", DeploymentStatus.Failed)
                .setParameter("code", DeploymentJobErrorCode.DeploymentFleetDoesNotExist.name()).setParameter("now", now)
                .setParameter("accountId", accountId).setParameter("fleetArn", fleetArn).setParameter("active", DeploymentStatus.ACTIVE)
                .executeUpdate());
    }

    /**
     * The fleet's latest deployment (its most recently created job that was not canceled), only while the fleet exists:
     * a deleted fleet's jobs stay behind, but there is nothing left to synchronize. One statement, since every Sync runs it.
     */
    public Uni<DeploymentJob> latestOfExistingFleet(String accountId, String fleetArn) {
        return getSession().chain(s -> s.createSelectionQuery(LATEST_OF_EXISTING_FLEET, DeploymentJob.class)
                .setParameter("accountId", accountId).setParameter("fleetArn", fleetArn).setParameter("canceled", DeploymentStatus.Canceled)
                .setMaxResults(1).getResultList()).map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Jobs in creation order, one more than the page asks for, optionally of one status or of fleets of one name. */
    public Uni<List<DeploymentJob>> page(String accountId, DeploymentStatus status, String fleetName, PageRequest page) {
        String hql = Hql.variant(PAGE, PAGE_CLAUSES, PAGE_ORDER, status != null, fleetName != null, page.after().isPresent());
        return getSession().chain(s -> {
            Mutiny.SelectionQuery<DeploymentJob> query = s.createSelectionQuery(hql, DeploymentJob.class).setParameter("accountId", accountId)
                    .setMaxResults(page.size());
            if (status != null) {
                query.setParameter("status", status);
            }
            if (fleetName != null) {
                query.setParameter("fleetName", fleetName);
            }
            page.after().ifPresent(after -> query.setParameter("afterCreatedAt", after.createdAt()).setParameter("afterArn", after.arn()));
            return query.getResultList();
        });
    }

    /** The fleet's newest jobs, newest first, at most {@code limit}. */
    public Uni<List<DeploymentJob>> newestOfFleet(String accountId, String fleetArn, int limit) {
        return getSession().chain(s -> s.createSelectionQuery(NEWEST_OF_FLEET, DeploymentJob.class).setParameter("accountId", accountId)
                .setParameter("fleetArn", fleetArn).setMaxResults(limit).getResultList());
    }
}
