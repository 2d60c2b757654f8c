package dev.fleetsync.quota;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The statements of a quota check, run in the caller's transaction. The lock and the count are two statements on
 * purpose: under READ COMMITTED each statement sees the rows committed when it starts, so the count must start after
 * the lock is held, and then it sees whatever the previous holder committed.
 */
@ApplicationScoped
class QuotaSql {
    // Two int4 keys (a space apart from single bigint advisory locks): the quota kind and its scope. A hash collision
    // only makes two scopes wait for each other; it never lets a count be wrong. Released at commit or rollback.
    private static final String LOCK = "select 1 from pg_advisory_xact_lock(hashtext(:kind), hashtext(:scope))";

    private static final String ACTIVE_JOBS = """
            select count(*) from deployment_job
            where account_id = :account and status in ('Pending', 'Preparing', 'InProgress')
            """;
    private static final String FLEETS = "select count(*) from fleet where account_id = :account";
    private static final String ROBOTS = "select count(*) from robot where account_id = :account";
    private static final String ROBOTS_OF_FLEET = "select count(*) from robot where account_id = :account and fleet_arn = :parent";
    private static final String APPLICATIONS = "select count(*) from robot_application where account_id = :account";
    private static final String VERSIONS = """
            select count(*) from robot_application_version where account_id = :account and application_arn = :parent
            """;

    /** Waits for the (quota, account, parent) lock, held until this transaction ends. */
    Uni<Void> lock(Quota quota, String accountId, String parentArn) {
        String scope = parentArn == null ? accountId : accountId + " " + parentArn;
        return Panache.getSession().flatMap(s -> s.createNativeQuery(LOCK, Integer.class)
                .setParameter("kind", quota.key()).setParameter("scope", scope).getSingleResult())
                .replaceWithVoid();
    }

    /** The rows the quota counts now, as this transaction sees them. */
    Uni<Long> count(Quota quota, String accountId, String parentArn) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(countOf(quota), Long.class).setParameter("account", accountId);
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
