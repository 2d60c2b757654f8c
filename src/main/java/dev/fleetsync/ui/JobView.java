package dev.fleetsync.ui;

import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.JobDetails;
import dev.fleetsync.deployment.RobotDeployment;
import dev.fleetsync.deployment.RobotDeploymentStatus;
import dev.fleetsync.deployment.rollout.WavePolicy;
import java.util.List;

/**
 * A job as its page shows it, built from the domain's {@link JobDetails}: its settings, its waves (how many robots
 * deploy at once and where each robot stands) and a row per robot.
 */
record JobView(String arn, String id, String fleetArn, String fleetName, String status, boolean active,
        String application, int version, String createdAt, String updatedAt, String failureCode, String failureReason,
        int concurrentPercentage, int failureThresholdPercentage, long robotTimeoutSeconds, Waves waves, List<RobotRow> robots) {

    /** Robots per stage of the rollout; {@code size} is how many deploy at once. */
    record Waves(int size, int robots, int waiting, int deploying, int inSync, int failed, int noResponse) {
    }

    /** One robot's part in the job. */
    record RobotRow(String name, String arn, String status, String step, Integer percent, String estimate,
            String failureCode, String failureReason) {
    }

    static JobView of(JobDetails details) {
        DeploymentJob job = details.job();
        List<RobotDeployment> robots = details.robots();
        Waves waves = new Waves(WavePolicy.waveSize(robots.size(), job.concurrentPercentage), robots.size(),
                count(robots, RobotDeploymentStatus.PendingNewDeployment), count(robots, RobotDeploymentStatus.Deploying),
                count(robots, RobotDeploymentStatus.InSync), count(robots, RobotDeploymentStatus.Failed),
                count(robots, RobotDeploymentStatus.NoResponse));
        return new JobView(job.arn, Display.name(job.arn), job.fleetArn, Display.name(job.fleetArn), job.status.name(),
                job.status.isActive(), Display.name(job.applicationArn), job.applicationVersion, Display.time(job.createdAt),
                Display.time(job.updatedAt), job.failureCode, job.failureReason, job.concurrentPercentage,
                job.failureThresholdPercentage, job.robotTimeoutSeconds, waves, robots.stream().map(JobView::row).toList());
    }

    private static RobotRow row(RobotDeployment d) {
        return new RobotRow(Display.name(d.robotArn), d.robotArn, d.status.name(), d.progressStep == null ? "" : d.progressStep,
                Display.percent(d.percentDone), Display.estimate(d.etaSeconds),
                d.failureCode == null ? "" : d.failureCode.name(), d.failureReason == null ? "" : d.failureReason);
    }

    private static int count(List<RobotDeployment> robots, RobotDeploymentStatus status) {
        return (int) robots.stream().filter(r -> r.status == status).count();
    }
}
