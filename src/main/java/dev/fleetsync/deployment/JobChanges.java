package dev.fleetsync.deployment;

import java.util.List;

/** What one transaction did to a job and its robots that the log tells: its status change and the robots it lost. */
public record JobChanges(JobTransition job, List<RobotDeploymentEnd> robots) {
    public JobChanges {
        robots = List.copyOf(robots);
    }

    /** Call after the commit: one line for the job's change (if any), one per robot deployment that ended badly. */
    public void log() {
        job.log();
        RobotDeploymentEnd.logAll(robots);
    }
}
