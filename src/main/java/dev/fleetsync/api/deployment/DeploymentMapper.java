package dev.fleetsync.api.deployment;

import dev.fleetsync.api.deployment.DeploymentWire.CreateDeploymentJobResponse;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentApplicationConfig;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentConfig;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentLaunchConfig;
import dev.fleetsync.api.deployment.DeploymentWire.DescribeDeploymentJobResponse;
import dev.fleetsync.api.deployment.DeploymentWire.ProgressDetail;
import dev.fleetsync.api.deployment.DeploymentWire.S3Object;
import dev.fleetsync.api.deployment.DeploymentWire.SyncDeploymentJobResponse;
import dev.fleetsync.config.FleetSyncConfig;
import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.DownloadConditionFile;
import dev.fleetsync.deployment.JobDetails;
import dev.fleetsync.deployment.JobRequest;
import dev.fleetsync.deployment.JobSpec;
import dev.fleetsync.deployment.LaunchConfig;
import dev.fleetsync.deployment.RobotDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Converts between the deployment wire records and the domain, applying the configured rollout defaults. */
@ApplicationScoped
public class DeploymentMapper {
    private final FleetSyncConfig config;

    public DeploymentMapper(FleetSyncConfig config) {
        this.config = config;
    }

    JobRequest request(String fleetArn, DeploymentApplicationConfig app, DeploymentConfig rollout) {
        DeploymentLaunchConfig launch = app.launchConfig();
        FleetSyncConfig.DeploymentDefaults defaults = config.deployment();
        DeploymentConfig given = rollout == null ? new DeploymentConfig(null, null, null, null) : rollout;
        S3Object condition = given.downloadConditionFile();
        return new JobRequest(fleetArn, app.application(), app.applicationVersion(),
                new LaunchConfig(launch.packageName(), launch.launchFile(), launch.preLaunchFile(), launch.postLaunchFile(),
                        launch.environmentVariables()),
                new JobSpec.RolloutSettings(
                        orDefault(given.concurrentDeploymentPercentage(), defaults.concurrentDeploymentPercentage()),
                        orDefault(given.failureThresholdPercentage(), defaults.failureThresholdPercentage()),
                        given.robotDeploymentTimeoutInSeconds() == null ? defaults.robotDeploymentTimeoutInSeconds()
                                : given.robotDeploymentTimeoutInSeconds(),
                        condition == null ? null : new DownloadConditionFile(condition.bucket(), condition.key(), condition.etag())));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    CreateDeploymentJobResponse created(JobDetails details) {
        DeploymentJob job = details.job();
        return new CreateDeploymentJobResponse(job.arn, job.fleetArn, job.status.name(), applicationConfigs(details), job.failureReason,
                job.failureCode, job.createdAt, deploymentConfig(details), details.tags());
    }

    SyncDeploymentJobResponse synced(JobDetails details) {
        DeploymentJob job = details.job();
        return new SyncDeploymentJobResponse(job.arn, job.fleetArn, job.status.name(), deploymentConfig(details),
                applicationConfigs(details), job.failureReason, job.failureCode, job.createdAt);
    }

    DescribeDeploymentJobResponse described(JobDetails details) {
        DeploymentJob job = details.job();
        return new DescribeDeploymentJobResponse(job.arn, job.fleetArn, job.status.name(), deploymentConfig(details),
                applicationConfigs(details), job.failureReason, job.failureCode, job.createdAt,
                details.robots().stream().map(r -> robot(r, job.arn)).toList(), details.tags());
    }

    DeploymentWire.DeploymentJob summary(JobDetails details) {
        DeploymentJob job = details.job();
        return new DeploymentWire.DeploymentJob(job.arn, job.fleetArn, job.status.name(), applicationConfigs(details),
                deploymentConfig(details), job.failureReason, job.failureCode, job.createdAt);
    }

    private List<DeploymentApplicationConfig> applicationConfigs(JobDetails details) {
        JobSpec spec = details.spec();
        LaunchConfig launch = spec.launchConfig();
        return List.of(new DeploymentApplicationConfig(spec.applicationArn(), Integer.toString(spec.applicationVersion()),
                new DeploymentLaunchConfig(launch.packageName(), launch.preLaunchFile(), launch.launchFile(), launch.postLaunchFile(),
                        launch.environmentVariables())));
    }

    private DeploymentConfig deploymentConfig(JobDetails details) {
        JobSpec.RolloutSettings rollout = details.spec().rollout();
        DownloadConditionFile condition = rollout.downloadConditionFile();
        return new DeploymentConfig(rollout.concurrentPercentage(), rollout.failureThresholdPercentage(), rollout.robotTimeoutSeconds(),
                condition == null ? null : new S3Object(condition.bucket(), condition.key(), condition.etag()));
    }

    private DeploymentWire.RobotDeployment robot(RobotDeployment robot, String jobArn) {
        ProgressDetail progress = robot.progressStep == null ? null
                : new ProgressDetail(robot.progressStep, robot.percentDone, robot.etaSeconds, jobArn);
        return new DeploymentWire.RobotDeployment(robot.robotArn, robot.deploymentStartTime, robot.deploymentFinishTime,
                robot.status.name(), progress, robot.failureReason, robot.failureCode == null ? null : robot.failureCode.name());
    }
}
