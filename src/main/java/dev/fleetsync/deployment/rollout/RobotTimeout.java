package dev.fleetsync.deployment.rollout;

import java.time.Duration;
import java.time.Instant;

/** A robot that has not finished {@code robotDeploymentTimeoutInSeconds} after it was started has not answered. */
public final class RobotTimeout {
    private RobotTimeout() {
    }

    public static Instant deadline(Instant startedAt, long timeoutSeconds) {
        return startedAt.plus(Duration.ofSeconds(timeoutSeconds));
    }

    /** Robots started at or before this instant have timed out by {@code now}. */
    public static Instant startedBefore(Instant now, long timeoutSeconds) {
        return now.minus(Duration.ofSeconds(timeoutSeconds));
    }
}
