package dev.fleetsync.fleet;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.Hql;
import dev.fleetsync.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class FleetRepository implements PanacheRepositoryBase<Fleet, AccountArn>, Hql.Statements {
    // HQL run through the session, not Panache's update(String), so that HqlWarmUp can interpret it at start-up: the
    // rollout runs both on every change of a job's status.
    private static final String RECORD_DEPLOYMENT = "update Fleet set lastDeploymentJob = :job, lastDeploymentStatus = :status, "
            + "lastDeploymentTime = :time where accountId = :accountId and arn = :fleet";
    private static final String RECORD_STATUS = "update Fleet set lastDeploymentStatus = :status "
            + "where accountId = :accountId and arn = :fleet and lastDeploymentJob = :job";
    private static final String PAGE = "from Fleet where accountId = :accountId";
    private static final List<String> PAGE_CLAUSES = List.of(" and name = :name", PageRequest.AFTER_CLAUSE);
    private static final String PAGE_ORDER = " order by createdAt, arn";

    @Override
    public List<Hql> statements() {
        List<Hql> statements = new ArrayList<>(List.of(new Hql(RECORD_DEPLOYMENT, null), new Hql(RECORD_STATUS, null)));
        statements.addAll(Hql.variants(PAGE, PAGE_CLAUSES, PAGE_ORDER, Fleet.class));
        return statements;
    }

    public Uni<Fleet> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /** Fleets in creation order, one more than the page asks for; {@code name} filters on the whole name when given. */
    public Uni<List<Fleet>> page(String accountId, String name, PageRequest page) {
        String hql = Hql.variant(PAGE, PAGE_CLAUSES, PAGE_ORDER, name != null, page.after().isPresent());
        return getSession().chain(s -> {
            Mutiny.SelectionQuery<Fleet> query = s.createSelectionQuery(hql, Fleet.class).setParameter("accountId", accountId)
                    .setMaxResults(page.size());
            if (name != null) {
                query.setParameter("name", name);
            }
            page.after().ifPresent(after -> query.setParameter("afterCreatedAt", after.createdAt()).setParameter("afterArn", after.arn()));
            return query.getResultList();
        });
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
