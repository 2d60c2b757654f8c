package dev.fleetsync.deployment;

import java.util.List;
import org.jboss.logging.Logger;

/**
 * A robot deployment that failed or timed out, logged once it is committed: one INFO line per robot, so an operator
 * can see which robots a rollout lost and why (robot, job, fleet, from, to, failure code; never a reason's text, which
 * may quote a robot's script output).
 */
public record RobotDeploymentEnd(String robotArn, String jobArn, String fleetArn, RobotDeploymentStatus from, RobotDeploymentStatus to,
        DeploymentJobErrorCode failureCode) {
    private static final Logger LOG = Logger.getLogger(RobotDeploymentEnd.class);

    /** Call after the commit: an end rolled back never happened. */
    public void log() {
        LOG.info("Robot " + robotArn + " in deployment job " + jobArn + " of fleet " + fleetArn + ": " + from + " -> " + to
                + (failureCode == null ? "" : " (" + failureCode + ")"));
    }

    public static void logAll(List<RobotDeploymentEnd> ends) {
        ends.forEach(RobotDeploymentEnd::log);
    }
}
