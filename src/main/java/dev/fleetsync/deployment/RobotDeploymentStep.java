package dev.fleetsync.deployment;

/** The steps a robot reports while deploying, in order (RobotDeploymentStep). */
public enum RobotDeploymentStep {
    Validating,
    DownloadingExtracting,
    ExecutingDownloadCondition,
    ExecutingPreLaunch,
    Launching,
    ExecutingPostLaunch,
    Finished
}
