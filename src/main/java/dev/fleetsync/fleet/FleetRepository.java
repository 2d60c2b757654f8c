package dev.fleetsync.fleet;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class FleetRepository implements PanacheRepositoryBase<Fleet, AccountArn> {

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
        return update("lastDeploymentJob = :job, lastDeploymentStatus = :status, lastDeploymentTime = :time "
                + "where accountId = :accountId and arn = :fleet",
                Parameters.with("job", jobArn).and("status", status).and("time", time).and("accountId", accountId).and("fleet", fleetArn));
    }

    /** Mirrors a job's new status on its fleet, if that job is still the fleet's last deployment. */
    public Uni<Integer> recordStatus(String accountId, String fleetArn, String jobArn, String status) {
        return update("lastDeploymentStatus = :status where accountId = :accountId and arn = :fleet and lastDeploymentJob = :job",
                Parameters.with("status", status).and("accountId", accountId).and("fleet", fleetArn).and("job", jobArn));
    }
}
