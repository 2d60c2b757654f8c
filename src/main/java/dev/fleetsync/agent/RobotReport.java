package dev.fleetsync.agent;

import dev.fleetsync.deployment.DeploymentJobErrorCode;
import dev.fleetsync.deployment.RobotDeploymentStep;

/** What a robot says about its deployment. */
public record RobotReport(String robotArn, String jobArn, RobotDeploymentStep step, float percentDone, Integer etaSeconds,
        Result result, DeploymentJobErrorCode failureCode, String failureReason) {

    public enum Result {
        InProgress,
        Succeeded,
        Failed
    }
}
