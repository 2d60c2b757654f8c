package dev.fleetsync.api.deployment;

import dev.fleetsync.api.deployment.DeploymentWire.DeploymentApplicationConfig;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentConfig;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentLaunchConfig;
import dev.fleetsync.api.deployment.DeploymentWire.ProgressDetail;
import dev.fleetsync.api.deployment.DeploymentWire.S3Object;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.FleetSyncConfig;
import dev.fleetsync.deployment.DownloadConditionFile;
import dev.fleetsync.deployment.JobDetails;
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

    JobSpec spec(String fleetArn, DeploymentApplicationConfig app, DeploymentConfig rollout) {
        DeploymentLaunchConfig launch = app.launchConfig();
        if (launch.environmentVariables() != null) {
            launch.environmentVariables().keySet().stream().filter(k -> k.startsWith("AWS")).findFirst().ifPresent(k -> {
                throw ServiceException.invalid("1 validation error detected: Value '" + k + "' at "
                        + "'deploymentApplicationConfigs[0].launchConfig.environmentVariables' failed to satisfy constraint: "
                        + "Names starting with AWS are reserved");
            });
        }
        FleetSyncConfig.DeploymentDefaults defaults = config.deployment();
        DeploymentConfig given = rollout == null ? new DeploymentConfig(null, null, null, null) : rollout;
        S3Object condition = given.downloadConditionFile();
        return new JobSpec(fleetArn, app.application(), version(app),
                new LaunchConfig(launch.packageName(), launch.launchFile(), launch.preLaunchFile(), launch.postLaunchFile(),
                        launch.environmentVariables()),
                new JobSpec.RolloutSettings(
                        orDefault(given.concurrentDeploymentPercentage(), defaults.concurrentDeploymentPercentage()),
                        orDefault(given.failureThresholdPercentage(), defaults.failureThresholdPercentage()),
                        given.robotDeploymentTimeoutInSeconds() == null ? defaults.robotDeploymentTimeoutInSeconds()
                                : given.robotDeploymentTimeoutInSeconds(),
                        condition == null ? null : new DownloadConditionFile(condition.bucket(), condition.key(), condition.etag())));
    }

    /** A numbered version too large for any version we could have made cannot exist. */
    private static int version(DeploymentApplicationConfig app) {
        try {
            int version = Integer.parseInt(app.applicationVersion());
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw ServiceException.notFound("Robot application " + app.application() + " has no version " + app.applicationVersion());
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    List<DeploymentApplicationConfig> applicationConfigs(JobDetails details) {
        JobSpec spec = details.spec();
        LaunchConfig launch = spec.launchConfig();
        return List.of(new DeploymentApplicationConfig(spec.applicationArn(), Integer.toString(spec.applicationVersion()),
                new DeploymentLaunchConfig(launch.packageName(), launch.preLaunchFile(), launch.launchFile(), launch.postLaunchFile(),
                        launch.environmentVariables())));
    }

    DeploymentConfig deploymentConfig(JobDetails details) {
        JobSpec.RolloutSettings rollout = details.spec().rollout();
        DownloadConditionFile condition = rollout.downloadConditionFile();
        return new DeploymentConfig(rollout.concurrentPercentage(), rollout.failureThresholdPercentage(), rollout.robotTimeoutSeconds(),
                condition == null ? null : new S3Object(condition.bucket(), condition.key(), condition.etag()));
    }

    DeploymentWire.RobotDeployment robot(RobotDeployment robot, String jobArn) {
        ProgressDetail progress = robot.progressStep == null ? null
                : new ProgressDetail(robot.progressStep, robot.percentDone, robot.etaSeconds, jobArn);
        return new DeploymentWire.RobotDeployment(robot.robotArn, robot.deploymentStartTime, robot.deploymentFinishTime, robot.status,
                progress, robot.failureReason, robot.failureCode);
    }
}
