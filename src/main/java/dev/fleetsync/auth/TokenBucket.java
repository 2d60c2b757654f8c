package dev.fleetsync.auth;

/** A token bucket: {@code burst} requests at once, refilled at {@code ratePerSecond}. Thread-safe. */
public final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("Throttle rate must be positive and burst at least 1");
        }
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.capacity = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - refilledAt);
        tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
