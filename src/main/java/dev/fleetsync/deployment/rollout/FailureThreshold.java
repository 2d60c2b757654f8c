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

    /**
     * How many more failures the job takes before it breaches: the smallest {@code f} with
     * {@code breached(failed + f, robots, thresholdPercentage)}; 0 once it has. A job with no robots has none to lose.
     */
    public static int failuresLeft(int failed, int robots, int thresholdPercentage) {
        if (robots <= 0) {
            return 0;
        }
        long needed = ((long) thresholdPercentage * robots + 99) / 100; // ceil(threshold x N / 100) failures breach
        return (int) Math.max(0, needed - failed);
    }
}
