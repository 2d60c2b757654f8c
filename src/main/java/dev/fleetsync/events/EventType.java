package dev.fleetsync.events;

/**
 * What an event records (docs/events.md), stored and sent by name. The triggers of migration V8 write these names;
 * {@code EventTypesTest} checks that every name they write is one of these.
 */
public enum EventType {
    /** A job was created, by CreateDeploymentJob or SyncDeploymentJob. */
    DeploymentJobCreated,
    /** A job's status changed (details: from, status, failureCode, failureReason). */
    DeploymentJobStatusChanged,
    /** The rollout admitted a robot to its wave: the robot may now pick its deployment up. */
    RobotDeploymentAdmitted,
    /** A robot picked its deployment up with a poll. */
    RobotDeploymentHandedOver,
    /** A robot reported a new step (details: step, percentDone, etaSeconds). */
    RobotDeploymentStep,
    /** A robot finished its deployment: it is in sync with the job's version. */
    RobotDeploymentFinished,
    /** A robot's deployment failed (details: failureCode, failureReason, step). */
    RobotDeploymentFailed,
    /** A robot did not finish within the job's robot time-out. */
    RobotDeploymentTimedOut,
    /** A robot's deployment was stopped because its job was canceled (details: failureCode, failureReason). */
    RobotDeploymentAborted,
    /** A robot joined a fleet. */
    RobotRegistered,
    /** A robot left a fleet (DeregisterRobot, or its fleet was deleted). */
    RobotDeregistered,
    /** A robot was deleted. */
    RobotDeleted,
    /** A fleet was deleted. */
    FleetDeleted
}
