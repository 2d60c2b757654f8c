package dev.fleetsync.deployment;

import java.util.List;
import java.util.Map;

/** A job as read back: its row, its decoded settings, and optionally its robots and tags. */
public record JobDetails(DeploymentJob job, JobSpec spec, List<RobotDeployment> robots, Map<String, String> tags) {
}
