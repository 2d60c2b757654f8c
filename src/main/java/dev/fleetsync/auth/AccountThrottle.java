package dev.fleetsync.auth;

import dev.fleetsync.config.AuthConfig.Limit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-account request rate: one token bucket per account, in memory, so the limit holds per service instance
 * (N replicas allow N times the rate). Refused requests get ThrottlingException, which the SDKs retry with back-off.
 * The API and the robot protocol have one of these each.
 */
final class AccountThrottle {
    private final double rate;
    private final int burst;
    private final Map<String, Limit> accounts;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** {@code rate} and {@code burst} for every account but those {@code accounts} gives values of their own. */
    AccountThrottle(double rate, int burst, Map<String, Limit> accounts, LongSupplier nanoTime) {
        this.rate = rate;
        this.burst = burst;
        this.accounts = accounts;
        this.nanoTime = nanoTime;
    }

    /** Whether the account may make one more request now. */
    boolean allow(String accountId) {
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(accountId, id -> bucketFor(id, now)).tryTake(now);
    }

    private TokenBucket bucketFor(String accountId, long now) {
        Limit limit = accounts.get(accountId);
        return limit == null ? new TokenBucket(rate, burst, now) : new TokenBucket(limit.rate(), limit.burst(), now);
    }
}
