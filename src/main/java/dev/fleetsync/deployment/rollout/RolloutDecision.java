package dev.fleetsync.deployment.rollout;

import dev.fleetsync.deployment.DeploymentJobErrorCode;

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
            return failure(progress, thresholdPercentage);
        }
        if (progress.waiting() == 0 && progress.deploying() == 0) {
            return new Succeed();
        }
        return new Continue(WavePolicy.toStart(robots, concurrentPercentage, progress.deploying(), progress.waiting()));
    }

    /** When every failure had the same cause (a time-out, or no source for the robot's architecture), the job names it. */
    private static Fail failure(RolloutProgress progress, int thresholdPercentage) {
        String reached = ", reaching the failure threshold of " + thresholdPercentage + "%";
        String counted = progress.failures() + " of " + progress.robots() + " robots failed";
        if (progress.failed() == 0) {
            return new Fail(DeploymentJobErrorCode.RobotDeploymentNoResponse.name(), counted + " to respond" + reached);
        }
        if (progress.unsupported() == progress.failures()) {
            return new Fail(DeploymentJobErrorCode.MissingRobotApplicationArchitecture.name(),
                    counted + ": the application version has no source for their architecture" + reached);
        }
        return new Fail(DeploymentJobErrorCode.FailureThresholdBreached.name(), counted + reached);
    }
}
