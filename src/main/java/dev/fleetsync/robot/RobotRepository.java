package dev.fleetsync.robot;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class RobotRepository implements PanacheRepositoryBase<Robot, AccountArn> {
    /** DescribeFleet lists at most this many robots (the model's Robots list bound). */
    public static final int FLEET_DESCRIBE_LIMIT = 1000;

    public Uni<Robot> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /** The robot with its row locked until the transaction ends, so membership changes to one robot run one at a time. */
    public Uni<Robot> findForUpdate(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn), LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Robot>> ofFleet(String accountId, String fleetArn, int limit) {
        return find("accountId = ?1 and fleetArn = ?2 order by createdAt, arn", accountId, fleetArn).range(0, limit - 1).list();
    }

    /** Deregisters every robot of a fleet in one statement: they become Available, fleetless. */
    public Uni<Integer> releaseAll(String accountId, String fleetArn) {
        return update("fleetArn = null, status = 'Available' where accountId = ?1 and fleetArn = ?2", accountId, fleetArn);
    }

    /** Robots in creation order, one more than the page asks for, narrowed by the filter. */
    public Uni<List<Robot>> page(String accountId, RobotFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("accountId = :accountId");
        Parameters params = Parameters.with("accountId", accountId);
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status().name());
        }
        if (filter.fleetName() != null) {
            // Fleet names repeat: a robot matches when its fleet, in the same account, has that name.
            query.append(" and fleetArn in (select f.arn from Fleet f where f.accountId = :accountId and f.name = :fleetName)");
            params.and("fleetName", filter.fleetName());
        }
        page.after().ifPresent(after -> {
            query.append(PageRequest.AFTER_CLAUSE);
            params.and("afterCreatedAt", after.createdAt()).and("afterArn", after.arn());
        });
        query.append(" order by createdAt, arn");
        return find(query.toString(), params).range(0, page.size() - 1).list();
    }
}
