package dev.fleetsync.robot;

import dev.fleetsync.common.AccountArn;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RobotRepository implements PanacheRepositoryBase<Robot, AccountArn> {
    /** DescribeFleet lists at most this many robots (the model's Robots list bound). */
    public static final int FLEET_DESCRIBE_LIMIT = 1000;

    public Uni<Robot> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    public Uni<List<Robot>> ofFleet(String accountId, String fleetArn, int limit) {
        return find("accountId = ?1 and fleetArn = ?2 order by createdAt, arn", accountId, fleetArn).range(0, limit - 1).list();
    }

    /** Deregisters every robot of a fleet in one statement: they become Available, fleetless. */
    public Uni<Integer> releaseAll(String accountId, String fleetArn) {
        return update("fleetArn = null, status = 'Available' where accountId = ?1 and fleetArn = ?2", accountId, fleetArn);
    }
}
