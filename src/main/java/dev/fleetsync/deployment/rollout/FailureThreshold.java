package dev.fleetsync.deployment.rollout;

/**
 * A rollout stops starting robots once {@code failed / N x 100 >= failureThresholdPercentage}. Robots already deploying
 * finish, which is why the documented overshoot of up to one wave is possible. A job with no robots never breaches.
 */
public final class FailureThreshold {
    private FailureThreshold() {
    }

    public static boolean breached(int failed, int robots, int thresholdPercentage) {
        return robots > 0 && (long) failed * 100 >= (long) thresholdPercentage * robots;
    }
}
