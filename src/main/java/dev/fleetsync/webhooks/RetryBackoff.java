package dev.fleetsync.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failing delivery is tried again: exponential back-off from {@code base}, doubled per consecutive failure and
 * capped at {@code max}, with full jitter (a random point in the second half of the delay, so retries of many
 * subscriptions spread out but never come sooner than half the back-off). Pure: the random source is given.
 */
public record RetryBackoff(Duration base, Duration max) {

    /** The wait after the {@code failures}-th consecutive failure (1 for the first); {@code random} yields [0, 1). */
    public Duration after(int failures, DoubleSupplier random) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        long ceiling = max.toMillis();
        // 2^(failures-1) overflows past 62 doublings: clamp before multiplying
        int doublings = Math.min(failures - 1, 62);
        long delay = base.toMillis() > (ceiling >> doublings) ? ceiling : Math.min(ceiling, base.toMillis() << doublings);
        long half = delay / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (delay - half)));
    }
}
