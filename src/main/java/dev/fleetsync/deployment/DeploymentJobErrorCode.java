package dev.fleetsync.deployment;

/** Why a job or one robot's deployment failed (DeploymentJobErrorCode), stored and sent by name. */
public enum DeploymentJobErrorCode {
    ResourceNotFound,
    EnvironmentSetupError,
    EtagMismatch,
    FailureThresholdBreached,
    RobotDeploymentAborted,
    RobotDeploymentNoResponse,
    RobotAgentConnectionTimeout,
    GreengrassDeploymentFailed,
    InvalidGreengrassGroup,
    MissingRobotArchitecture,
    MissingRobotApplicationArchitecture,
    MissingRobotDeploymentResource,
    GreengrassGroupVersionDoesNotExist,
    LambdaDeleted,
    ExtractingBundleFailure,
    PreLaunchFileFailure,
    PostLaunchFileFailure,
    BadPermissionError,
    DownloadConditionFailed,
    BadLambdaAssociated,
    InternalServerError,
    RobotApplicationDoesNotExist,
    DeploymentFleetDoesNotExist,
    FleetDeploymentTimeout
}
