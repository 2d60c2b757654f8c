package dev.fleetsync.robot;

import dev.fleetsync.common.AccountArn;
import dev.fleetsync.common.Hql;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.fleet.FleetRobots;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class RobotRepository implements PanacheRepositoryBase<Robot, AccountArn>, Hql.Statements, FleetRobots {
    /** DescribeFleet lists at most this many robots (the model's Robots list bound). */
    public static final int FLEET_DESCRIBE_LIMIT = 1000;

    // Through the session, not Panache's find(String) and update(String), so that HqlWarmUp interprets them at start-up.
    private static final String OF_FLEET = "from Robot where accountId = :accountId and fleetArn = :fleetArn order by createdAt, arn";
    private static final String RELEASE_ALL = "update Robot set fleetArn = null, status = 'Available' "
            + "where accountId = :accountId and fleetArn = :fleetArn";
    private static final String PAGE = "from Robot where accountId = :accountId";
    // Fleet names repeat: a robot matches when its fleet, in the same account, has that name.
    private static final List<String> PAGE_CLAUSES = List.of(" and status = :status",
            " and fleetArn in (select f.arn from Fleet f where f.accountId = :accountId and f.name = :fleetName)", PageRequest.AFTER_CLAUSE);
    private static final String PAGE_ORDER = " order by createdAt, arn";

    @Override
    public List<Hql> statements() {
        List<Hql> statements = new ArrayList<>(List.of(new Hql(OF_FLEET, Robot.class), new Hql(RELEASE_ALL, null)));
        statements.addAll(Hql.variants(PAGE, PAGE_CLAUSES, PAGE_ORDER, Robot.class));
        return statements;
    }

    public Uni<Robot> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /** The robot with its row locked until the transaction ends, so membership changes to one robot run one at a time. */
    public Uni<Robot> findForUpdate(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn), LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Robot>> ofFleet(String accountId, String fleetArn, int limit) {
        return getSession().chain(s -> s.createSelectionQuery(OF_FLEET, Robot.class).setParameter("accountId", accountId)
                .setParameter("fleetArn", fleetArn).setMaxResults(limit).getResultList());
    }

    /** Deregisters every robot of a fleet in one statement: they become Available, fleetless. */
    @Override
    public Uni<Integer> releaseAll(String accountId, String fleetArn) {
        return getSession().chain(s -> s.createMutationQuery(RELEASE_ALL).setParameter("accountId", accountId)
                .setParameter("fleetArn", fleetArn).executeUpdate());
    }

    /** Robots in creation order, one more than the page asks for, narrowed by the filter. */
    public Uni<List<Robot>> page(String accountId, RobotFilter filter, PageRequest page) {
        String hql = Hql.variant(PAGE, PAGE_CLAUSES, PAGE_ORDER, filter.status() != null, filter.fleetName() != null,
                page.after().isPresent());
        return getSession().chain(s -> {
            Mutiny.SelectionQuery<Robot> query = s.createSelectionQuery(hql, Robot.class).setParameter("accountId", accountId)
                    .setMaxResults(page.size());
            if (filter.status() != null) {
                query.setParameter("status", filter.status().name());
            }
            if (filter.fleetName() != null) {
                query.setParameter("fleetName", filter.fleetName());
            }
            page.after().ifPresent(after -> query.setParameter("afterCreatedAt", after.createdAt()).setParameter("afterArn", after.arn()));
            return query.getResultList();
        });
    }
}
