package dev.fleetsync.api.deployment;

import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.api.shape.Shape.ClientRequestToken;
import dev.fleetsync.api.shape.Shape.Command;
import dev.fleetsync.api.shape.Shape.DeploymentVersion;
import dev.fleetsync.api.shape.Shape.EnvironmentVariableKey;
import dev.fleetsync.api.shape.Shape.EnvironmentVariableValue;
import dev.fleetsync.api.shape.Shape.FilePath;
import dev.fleetsync.api.shape.Shape.PaginationToken;
import dev.fleetsync.api.shape.Shape.Percentage;
import dev.fleetsync.api.shape.Shape.S3Bucket;
import dev.fleetsync.api.shape.Shape.S3Key;
import dev.fleetsync.api.shape.Shape.TagKey;
import dev.fleetsync.api.shape.Shape.TagValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire records of the deployment-job operations, with the model's member names. */
public final class DeploymentWire {
    /** The documented bounds of robotDeploymentTimeoutInSeconds: one minute to seven days. */
    static final long MIN_ROBOT_TIMEOUT = 60;
    static final long MAX_ROBOT_TIMEOUT = 604_800;
    /** RoboMaker kept environment variable names starting with AWS for itself; so do robots that came from it. */
    static final String RESERVED_NAMES = "Names starting with AWS are reserved";

    private DeploymentWire() {
    }

    public record DeploymentLaunchConfig(@NotNull @Command String packageName, @FilePath String preLaunchFile,
            @NotNull @Command String launchFile, @FilePath String postLaunchFile,
            @Size(max = 20) Map<@NotNull @EnvironmentVariableKey @Pattern(regexp = "(?!AWS).*", message = RESERVED_NAMES) String,
                    @NotNull @EnvironmentVariableValue String> environmentVariables) {
    }

    public record DeploymentApplicationConfig(@NotNull @Arn String application, @NotNull @DeploymentVersion String applicationVersion,
            @NotNull @Valid DeploymentLaunchConfig launchConfig) {
    }

    public record S3Object(@NotNull @S3Bucket String bucket, @NotNull @S3Key String key, String etag) {
    }

    public record DeploymentConfig(@Percentage Integer concurrentDeploymentPercentage, @Percentage Integer failureThresholdPercentage,
            @Min(MIN_ROBOT_TIMEOUT) @Max(MAX_ROBOT_TIMEOUT) Long robotDeploymentTimeoutInSeconds, @Valid S3Object downloadConditionFile) {
    }

    public record CreateDeploymentJobRequest(@Valid DeploymentConfig deploymentConfig,
            @NotNull @ClientRequestToken String clientRequestToken, @NotNull @Arn String fleet,
            @NotNull @Size(min = 1, max = 1) List<@NotNull @Valid DeploymentApplicationConfig> deploymentApplicationConfigs,
            @Size(max = 50) Map<@NotNull @TagKey String, @NotNull @TagValue String> tags) {
    }

    public record CreateDeploymentJobResponse(String arn, String fleet, String status,
            List<DeploymentApplicationConfig> deploymentApplicationConfigs, String failureReason, String failureCode, Instant createdAt,
            DeploymentConfig deploymentConfig, Map<String, String> tags) {
    }

    public record SyncDeploymentJobRequest(@NotNull @ClientRequestToken String clientRequestToken, @NotNull @Arn String fleet) {
    }

    public record SyncDeploymentJobResponse(String arn, String fleet, String status, DeploymentConfig deploymentConfig,
            List<DeploymentApplicationConfig> deploymentApplicationConfigs, String failureReason, String failureCode, Instant createdAt) {
    }

    public record DescribeDeploymentJobRequest(@NotNull @Arn String job) {
    }

    public record ProgressDetail(String currentProgress, Float percentDone, Integer estimatedTimeRemainingSeconds, String targetResource) {
    }

    public record RobotDeployment(String arn, Instant deploymentStartTime, Instant deploymentFinishTime, String status,
            ProgressDetail progressDetail, String failureReason, String failureCode) {
    }

    public record DescribeDeploymentJobResponse(String arn, String fleet, String status, DeploymentConfig deploymentConfig,
            List<DeploymentApplicationConfig> deploymentApplicationConfigs, String failureReason, String failureCode, Instant createdAt,
            List<RobotDeployment> robotDeploymentSummary, Map<String, String> tags) {
    }

    public record ListDeploymentJobsRequest(@Size(min = 1, max = 1) List<@NotNull @Valid Filter> filters,
            @PaginationToken String nextToken, Integer maxResults) {
    }

    public record DeploymentJob(String arn, String fleet, String status, List<DeploymentApplicationConfig> deploymentApplicationConfigs,
            DeploymentConfig deploymentConfig, String failureReason, String failureCode, Instant createdAt) {
    }

    public record ListDeploymentJobsResponse(List<DeploymentJob> deploymentJobs, String nextToken) {
    }

    public record CancelDeploymentJobRequest(@NotNull @Arn String job) {
    }
}
