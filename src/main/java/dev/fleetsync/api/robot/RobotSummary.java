package dev.fleetsync.api.robot;

import dev.fleetsync.robot.Robot;
import java.time.Instant;

/**
 * The {@code Robot} structure of ListRobots and DescribeFleet. Note the model's spelling {@code greenGrassGroupId},
 * unlike DescribeRobot's {@code greengrassGroupId}.
 */
public record RobotSummary(String arn, String name, String fleetArn, String status, String greenGrassGroupId, Instant createdAt,
        String architecture, String lastDeploymentJob, Instant lastDeploymentTime) {

    public static RobotSummary of(Robot robot) {
        return new RobotSummary(robot.arn, robot.name, robot.fleetArn, robot.status, robot.greengrassGroupId, robot.createdAt,
                robot.architecture, robot.lastDeploymentJob, robot.lastDeploymentTime);
    }
}
