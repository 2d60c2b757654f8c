package dev.fleetsync.robot;

/** Fired (CDI event) once a robot's deletion has committed, so what is kept elsewhere about it can be dropped. */
public record RobotDeleted(String accountId, String arn) {
}
