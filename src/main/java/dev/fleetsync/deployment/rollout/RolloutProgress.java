package dev.fleetsync.deployment.rollout;

/**
 * Where a job's robots stand: not started yet, deploying (started, not finished), in sync, failed, and not answering
 * (timed out; counts as failed).
 */
public record RolloutProgress(int waiting, int deploying, int inSync, int failed, int noResponse) {

    public int robots() {
        return waiting + deploying + inSync + failed + noResponse;
    }

    public int failures() {
        return failed + noResponse;
    }
}
