package dev.fleetsync.auth;

import dev.fleetsync.config.AuthConfig;
import dev.fleetsync.config.AuthConfig.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-account request rate: one token bucket per account, in memory, so the limit holds per service instance
 * (N replicas allow N times the rate). Refused requests get ThrottlingException, which the SDKs retry with back-off.
 */
@ApplicationScoped
public class AccountThrottle {
    private final AuthConfig.Throttle config;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public AccountThrottle(AuthConfig config) {
        this(config.throttle(), System::nanoTime);
    }

    AccountThrottle(AuthConfig.Throttle config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
    }

    /** Whether the account may make one more request now. */
    public boolean allow(String accountId) {
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(accountId, id -> bucketFor(id, now)).tryTake(now);
    }

    private TokenBucket bucketFor(String accountId, long now) {
        Limit limit = config.accounts().get(accountId);
        return limit == null ? new TokenBucket(config.rate(), config.burst(), now) : new TokenBucket(limit.rate(), limit.burst(), now);
    }
}
