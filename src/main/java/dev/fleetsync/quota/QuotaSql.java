package dev.fleetsync.quota;

import dev.fleetsync.common.Hql;
import dev.fleetsync.common.NativeSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The statements of a quota check, run in the caller's transaction. The lock and the count are two statements on
 * purpose: under READ COMMITTED each statement sees the rows committed when it starts, so the count must start after
 * the lock is held, and then it sees whatever the previous holder committed.
 */
@ApplicationScoped
class QuotaSql implements Hql.Statements {
    // Two int4 keys (a space apart from single bigint advisory locks): the quota kind and its scope. A hash collision
    // only makes two scopes wait for each other; it never lets a count be wrong. Released at commit or rollback.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext(:kind), hashtext(:scope))";

    // HQL, not native SQL: see NativeSql.
    private static final String ACTIVE_JOBS = """
            select count(*) from DeploymentJob where accountId = :account and status in (Pending, Preparing, InProgress)
            """;
    private static final String FLEETS = "select count(*) from Fleet where accountId = :account";
    private static final String ROBOTS = "select count(*) from Robot where accountId = :account";
    private static final String ROBOTS_OF_FLEET = "select count(*) from Robot where accountId = :account and fleetArn = :parent";
    private static final String APPLICATIONS = "select count(*) from RobotApplication where accountId = :account";
    private static final String VERSIONS = """
            select count(*) from RobotApplicationVersion where accountId = :account and applicationArn = :parent
            """;

    /** Waits for the (quota, account, parent) lock, held until this transaction ends. */
    Uni<Void> lock(Quota quota, String accountId, String parentArn) {
        String scope = parentArn == null ? accountId : accountId + " " + parentArn;
        return NativeSql.run(LOCK, Map.of("kind", quota.key(), "scope", scope)).replaceWithVoid();
    }

    @Override
    public List<Hql> statements() {
        return Arrays.stream(Quota.values()).map(quota -> new Hql(countOf(quota), Long.class)).toList();
    }

    /** The rows the quota counts now, as this transaction sees them. */
    Uni<Long> count(Quota quota, String accountId, String parentArn) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createSelectionQuery(countOf(quota), Long.class).setParameter("account", accountId);
            if (quota.perParent()) {
                query.setParameter("parent", parentArn);
            }
            return query.getSingleResult();
        });
    }

    private static String countOf(Quota quota) {
        return switch (quota) {
            case ACTIVE_DEPLOYMENT_JOBS -> ACTIVE_JOBS;
            case FLEETS -> FLEETS;
            case ROBOTS -> ROBOTS;
            case ROBOTS_PER_FLEET -> ROBOTS_OF_FLEET;
            case ROBOT_APPLICATIONS -> APPLICATIONS;
            case VERSIONS_PER_APPLICATION -> VERSIONS;
        };
    }
}
