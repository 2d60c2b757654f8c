package dev.fleetsync.robot;

import java.util.Map;

/** A robot with its tags, as CreateRobot and DescribeRobot show it. */
public record RobotDetails(Robot robot, Map<String, String> tags) {
}
