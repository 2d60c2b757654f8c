package dev.fleetsync.robot;

/** What ListRobots narrows to: at most one of a status and the exact name of the robots' fleet (null = any). */
public record RobotFilter(RobotStatus status, String fleetName) {
    public static final RobotFilter NONE = new RobotFilter(null, null);

    public static RobotFilter status(RobotStatus status) {
        return new RobotFilter(status, null);
    }

    public static RobotFilter fleetName(String fleetName) {
        return new RobotFilter(null, fleetName);
    }
}
