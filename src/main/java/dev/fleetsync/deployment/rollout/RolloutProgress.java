package dev.fleetsync.deployment.rollout;

/**
 * Where a job's robots stand: not started yet, deploying (started, not finished), in sync, failed, and not answering
 * (timed out; counts as failed). {@code unsupported} are the failed robots whose architecture has no source in the job's
 * application version (MissingRobotApplicationArchitecture); they are part of {@code failed}.
 */
public record RolloutProgress(int waiting, int deploying, int inSync, int failed, int noResponse, int unsupported) {

    public int robots() {
        return waiting + deploying + inSync + failed + noResponse;
    }

    public int failures() {
        return failed + noResponse;
    }
}
