package dev.fleetsync.deployment;

import org.jboss.logging.Logger;

/**
 * A job's status change, logged once it is committed: one INFO line per change, so an operator can follow a rollout
 * in the logs (job, fleet, from, to, and the failure code of a failed job).
 */
public record JobTransition(String jobArn, String fleetArn, DeploymentStatus from, DeploymentStatus to, String failureCode) {
    private static final Logger LOG = Logger.getLogger(JobTransition.class);

    /** The change a job went through, from {@code from} to its status now. */
    public static JobTransition of(DeploymentJob job, DeploymentStatus from) {
        return new JobTransition(job.arn, job.fleetArn, from, job.status, job.failureCode);
    }

    public boolean changed() {
        return from != to;
    }

    /** Call after the commit: a change rolled back never happened. */
    public void log() {
        if (changed()) {
            LOG.info("Deployment job " + jobArn + " of fleet " + fleetArn + ": " + from + " -> " + to
                    + (failureCode == null ? "" : " (" + failureCode + ")"));
        }
    }
}
