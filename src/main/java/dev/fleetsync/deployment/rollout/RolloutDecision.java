package dev.fleetsync.deployment.rollout;

/** What one step of a running job does next, decided from its progress and settings alone. */
public sealed interface RolloutDecision {

    /** Start this many more robots (possibly none) and keep going. */
    record Continue(int start) implements RolloutDecision {
    }

    /** Every robot finished below the failure threshold. */
    record Succeed() implements RolloutDecision {
    }

    /** The failure threshold was reached and no robot is still deploying. */
    record Fail(String failureCode, String failureReason) implements RolloutDecision {
    }

    static RolloutDecision decide(RolloutProgress progress, int concurrentPercentage, int thresholdPercentage) {
        int robots = progress.robots();
        if (FailureThreshold.breached(progress.failures(), robots, thresholdPercentage)) {
            if (progress.deploying() > 0) {
                return new Continue(0); // no new robot; wait for the running ones to finish
            }
            boolean allSilent = progress.failed() == 0;
            return new Fail(allSilent ? "RobotDeploymentNoResponse" : "FailureThresholdBreached",
                    progress.failures() + " of " + robots + " robots failed" + (allSilent ? " to respond" : "")
                            + ", reaching the failure threshold of " + thresholdPercentage + "%");
        }
        if (progress.waiting() == 0 && progress.deploying() == 0) {
            return new Succeed();
        }
        return new Continue(WavePolicy.toStart(robots, concurrentPercentage, progress.deploying(), progress.waiting()));
    }
}
