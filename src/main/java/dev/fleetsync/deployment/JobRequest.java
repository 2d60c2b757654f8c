package dev.fleetsync.deployment;

/**
 * A CreateDeploymentJob as the caller asked for it: the application version as written, not yet known to exist
 * (see {@link ApplicationVersions#require}); the rest as {@link JobSpec} holds it.
 */
public record JobRequest(String fleetArn, String applicationArn, String applicationVersion, LaunchConfig launchConfig,
        JobSpec.RolloutSettings rollout) {

    JobSpec withVersion(int version) {
        return new JobSpec(fleetArn, applicationArn, version, launchConfig, rollout);
    }

    JobRequest withDownloadCondition(DownloadConditionFile condition) {
        return new JobRequest(fleetArn, applicationArn, applicationVersion, launchConfig, new JobSpec.RolloutSettings(
                rollout.concurrentPercentage(), rollout.failureThresholdPercentage(), rollout.robotTimeoutSeconds(), condition));
    }
}
