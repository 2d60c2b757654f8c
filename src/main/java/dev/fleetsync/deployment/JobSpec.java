package dev.fleetsync.deployment;

/**
 * What a job deploys and how: one application version with its launch settings, and the rollout settings
 * (defaults already applied).
 */
public record JobSpec(String fleetArn, String applicationArn, int applicationVersion, LaunchConfig launchConfig,
        RolloutSettings rollout) {

    /** The rollout settings of a deployment: wave size, failure threshold, per-robot timeout, download condition. */
    public record RolloutSettings(int concurrentPercentage, int failureThresholdPercentage, long robotTimeoutSeconds,
            DownloadConditionFile downloadConditionFile) {
    }
}
