package dev.fleetsync.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Robot credentials this instance has verified, kept for a short time so a robot's every poll is not a database read.
 * A revocation drops its entry; a lookup that was under way when any revocation arrived is not stored, since it may
 * have read the row just before it was deleted.
 */
final class RobotCredentialCache {
    private static final int SWEEP_ABOVE = 4096;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    RobotCredentialCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The credential, if verified less than the TTL ago and not revoked since. */
    Optional<Principal> get(String accessKeyId) {
        Entry entry = entries.get(accessKeyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.loadedAt >= ttlNanos) {
            entries.remove(accessKeyId, entry);
            return Optional.empty();
        }
        return Optional.of(entry.principal);
    }

    /** To be read before the database lookup whose result is then {@link #put} with it. */
    long revocationCount() {
        return revocations.get();
    }

    /** Keeps what a lookup read, unless a revocation arrived since {@code revocationCountBefore} was taken. */
    void put(Principal principal, long revocationCountBefore) {
        long now = nanoTime.getAsLong();
        // The count is re-read inside compute, and revoke() counts before it removes: a put either sees the new count
        // or lands before the removal.
        entries.compute(principal.accessKeyId(),
                (id, old) -> revocations.get() == revocationCountBefore ? new Entry(principal, now) : old);
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> now - e.loadedAt >= ttlNanos);
        }
    }

    void revoke(String accessKeyId) {
        revocations.incrementAndGet();
        entries.remove(accessKeyId);
    }

    /** Every credential of one robot, e.g. when it is deleted. */
    void revokeRobot(String accountId, String robotArn) {
        revocations.incrementAndGet();
        entries.values().removeIf(e -> e.principal.accountId().equals(accountId) && robotArn.equals(e.principal.robotArn()));
    }

    /** Everything: e.g. after the revocation notices may have been missed. */
    void clear() {
        revocations.incrementAndGet();
        entries.clear();
    }

    private record Entry(Principal principal, long loadedAt) {
    }
}
