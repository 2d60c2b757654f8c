package dev.fleetsync.fleet;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * What deleting a fleet asks of its deployment jobs, in the deletion's transaction. Declared here and implemented by
 * {@code deployment/DeploymentJobRepository}, so the fleet, which jobs target, does not depend on them.
 */
public interface FleetJobs {
    /** Locks the fleet's active job, before the fleet's row: a rollout step's order (job, robot deployments, robots, fleet). */
    Uni<?> lockActiveOfFleet(String accountId, String fleetArn);

    /** Fails the deleted fleet's active job, which can no longer finish. */
    Uni<Integer> failActiveOfDeletedFleet(String accountId, String fleetArn, Instant now);
}
