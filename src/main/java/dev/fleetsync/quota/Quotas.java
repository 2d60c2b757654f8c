package dev.fleetsync.quota;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.config.QuotaConfig;
import dev.fleetsync.quota.QuotaLimits.Limit;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Enforces the quotas in the creating transaction, race-free across instances sharing the database: a transaction-scoped
 * advisory lock per (quota, account[, parent]) makes creators take turns between counting and committing, so the next
 * one counts what the previous one inserted. Only live rows are counted, so deleting a resource (or a job finishing)
 * frees its slot.
 */
@Startup // a negative quota in the configuration stops the start-up rather than the first create
@ApplicationScoped
public class Quotas {
    private final QuotaLimits limits;
    private final QuotaSql sql;

    public Quotas(QuotaConfig config, QuotaSql sql) {
        this.limits = new QuotaLimits(config);
        this.sql = sql;
    }

    /** Room for one more of an account quota, checked before inserting it; runs in the caller's transaction. */
    public Uni<Void> check(String accountId, Quota quota) {
        return check(accountId, quota, null);
    }

    /** Room for one more within {@code parentArn} (a fleet's robots, an application's versions), checked before inserting. */
    public Uni<Void> check(String accountId, Quota quota, String parentArn) {
        return verify(accountId, quota, parentArn, 0);
    }

    /**
     * The same for a row this transaction has already inserted and flushed (it is counted too). Deployment jobs use this:
     * their insert meets a racing call with the same client token first, so that a replay never gets LimitExceeded.
     */
    public Uni<Void> confirm(String accountId, Quota quota) {
        return verify(accountId, quota, null, 1);
    }

    private Uni<Void> verify(String accountId, Quota quota, String parentArn, int alreadyInserted) {
        if (quota.perParent() && parentArn == null) {
            throw new IllegalArgumentException(quota + " is counted within a parent resource");
        }
        Limit limit = limits.of(accountId, quota);
        return sql.lock(quota, accountId, parentArn)
                .chain(() -> sql.count(quota, accountId, parentArn))
                .invoke(count -> {
                    long existing = count - alreadyInserted;
                    if (existing >= limit.value()) {
                        throw exceeded(accountId, quota, parentArn, existing, limit);
                    }
                })
                .replaceWithVoid();
    }

    private static RuntimeException exceeded(String accountId, Quota quota, String parentArn, long existing, Limit limit) {
        String owner = quota.perParent() ? quota.parent() + " " + parentArn : "Account " + accountId;
        String most = existing == limit.value() ? "the most allowed" : "more than the " + limit.value() + " allowed";
        return ServiceError.LIMIT_EXCEEDED.exception(owner + " has " + existing + " " + quota.counted() + ", " + most + " ("
                + limit.key() + ")");
    }
}
