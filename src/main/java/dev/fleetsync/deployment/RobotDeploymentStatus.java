package dev.fleetsync.deployment;

import java.util.EnumSet;
import java.util.Set;

/**
 * One robot's deployment lifecycle, and the one table of its legal transitions (the job's is {@link DeploymentStatus}):
 * PendingNewDeployment -> Deploying -> InSync | Failed | NoResponse, and NoResponse -> InSync | Failed (a robot that
 * timed out may still finish). A robot deployment fails before it is handed out too: at its turn when the version has no
 * source for the robot, or when the robot leaves the fleet; it times out while admitted and not yet handed.
 * Stored by {@link #name()}, which is also the wire value (RobotStatus).
 */
public enum RobotDeploymentStatus {
    PendingNewDeployment,
    Deploying,
    InSync,
    Failed,
    NoResponse;

    /** Statuses in which the robot's part is still open: the job waits for it. */
    public static final Set<RobotDeploymentStatus> OPEN = EnumSet.of(PendingNewDeployment, Deploying);

    public Set<RobotDeploymentStatus> next() {
        return switch (this) {
            case PendingNewDeployment -> EnumSet.of(Deploying, Failed, NoResponse);
            case Deploying -> EnumSet.of(InSync, Failed, NoResponse);
            case NoResponse -> EnumSet.of(InSync, Failed);
            case InSync, Failed -> EnumSet.noneOf(RobotDeploymentStatus.class);
        };
    }

    public boolean canMoveTo(RobotDeploymentStatus target) {
        return next().contains(target);
    }

    /** The target, if this status may move to it; a typed error naming both otherwise. */
    public RobotDeploymentStatus moveTo(RobotDeploymentStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    /** A robot deployment was asked to move where the transition table does not allow. */
    public static final class IllegalTransitionException extends IllegalStateException {
        IllegalTransitionException(RobotDeploymentStatus from, RobotDeploymentStatus to) {
            super("A robot deployment can only move from " + from + " to " + from.next() + "; " + to + " is not one of them");
        }
    }
}
