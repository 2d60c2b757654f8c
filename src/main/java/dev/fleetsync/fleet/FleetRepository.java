package dev.fleetsync.fleet;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.Hql;
import dev.fleetsync.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class FleetRepository implements PanacheRepositoryBase<Fleet, AccountArn>, Hql.Statements {
    // HQL run through the session, not Panache's update(String), so that HqlWarmUp can interpret it at start-up: the
    // rollout runs both on every change of a job's status.
    private static final String RECORD_DEPLOYMENT = "update Fleet set lastDeploymentJob = :job, lastDeploymentStatus = :status, "
            + "lastDeploymentTime = :time where accountId = :accountId and arn = :fleet";
    private static final String RECORD_STATUS = "update Fleet set lastDeploymentStatus = :status "
            + "where accountId = :accountId and arn = :fleet and lastDeploymentJob = :job";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(RECORD_DEPLOYMENT, null), new Hql(RECORD_STATUS, null));
    }

    public Uni<Fleet> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /** Fleets in creation order, one more than the page asks for; {@code name} filters on the whole name when given. */
    public Uni<List<Fleet>> page(String accountId, String name, PageRequest page) {
        StringBuilder query = new StringBuilder("accountId = :accountId");
        Parameters params = Parameters.with("accountId", accountId);
        if (name != null) {
            query.append(" and name = :name");
            params.and("name", name);
        }
        page.after().ifPresent(after -> {
            query.append(PageRequest.AFTER_CLAUSE);
            params.and("afterCreatedAt", after.createdAt()).and("afterArn", after.arn());
        });
        query.append(" order by createdAt, arn");
        return find(query.toString(), params).range(0, page.size() - 1).list();
    }

    public Uni<Integer> recordDeployment(String accountId, String fleetArn, String jobArn, String status, Instant time) {
        return getSession().chain(s -> s.createMutationQuery(RECORD_DEPLOYMENT).setParameter("job", jobArn).setParameter("status", status)
                .setParameter("time", time).setParameter("accountId", accountId).setParameter("fleet", fleetArn).executeUpdate());
    }

    /** Mirrors a job's new status on its fleet, if that job is still the fleet's last deployment. */
    public Uni<Integer> recordStatus(String accountId, String fleetArn, String jobArn, String status) {
        return getSession().chain(s -> s.createMutationQuery(RECORD_STATUS).setParameter("status", status)
                .setParameter("accountId", accountId).setParameter("fleet", fleetArn).setParameter("job", jobArn).executeUpdate());
    }
}
