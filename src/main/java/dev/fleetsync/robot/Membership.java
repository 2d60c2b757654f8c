package dev.fleetsync.robot;

/** A robot and the fleet it was registered to or deregistered from, as RegisterRobot/DeregisterRobot echo them. */
public record Membership(String fleetArn, String robotArn) {
}
