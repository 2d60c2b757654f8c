package dev.fleetsync.fleet;

import io.smallrye.mutiny.Uni;

/**
 * What deleting a fleet asks of its robots, in the deletion's transaction. Declared here and implemented by
 * {@code robot/RobotRepository}, so the fleet, which robots join, does not depend on them.
 */
public interface FleetRobots {
    /** Takes every robot out of the fleet. */
    Uni<Integer> releaseAll(String accountId, String fleetArn);
}
