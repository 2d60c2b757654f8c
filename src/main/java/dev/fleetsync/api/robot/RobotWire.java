package dev.fleetsync.api.robot;

import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.api.shape.Shape.Id;
import dev.fleetsync.api.shape.Shape.Name;
import dev.fleetsync.api.shape.Shape.PaginationToken;
import dev.fleetsync.api.shape.Shape.TagKey;
import dev.fleetsync.api.shape.Shape.TagValue;
import dev.fleetsync.common.Architecture;
import dev.fleetsync.robot.Membership;
import dev.fleetsync.robot.Robot;
import dev.fleetsync.robot.RobotDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire records of the robot operations, with the model's member names. */
public final class RobotWire {
    private RobotWire() {
    }

    public record CreateRobotRequest(@NotNull @Name String name, @NotNull Architecture architecture,
            @NotNull @Id String greengrassGroupId,
            @Size(max = 50) Map<@NotNull @TagKey String, @NotNull @TagValue String> tags) {
    }

    public record CreateRobotResponse(String arn, String name, Instant createdAt, String greengrassGroupId, String architecture,
            Map<String, String> tags) {
        static CreateRobotResponse of(RobotDetails details) {
            Robot r = details.robot();
            return new CreateRobotResponse(r.arn, r.name, r.createdAt, r.greengrassGroupId, r.architecture, details.tags());
        }
    }

    public record DeleteRobotRequest(@NotNull @Arn String robot) {
    }

    public record DescribeRobotRequest(@NotNull @Arn String robot) {
    }

    /** Spelled {@code greengrassGroupId}, unlike the {@code greenGrassGroupId} of the Robot structure in lists. */
    public record DescribeRobotResponse(String arn, String name, String fleetArn, String status, String greengrassGroupId,
            Instant createdAt, String architecture, String lastDeploymentJob, Instant lastDeploymentTime, Map<String, String> tags) {
        static DescribeRobotResponse of(RobotDetails details) {
            Robot r = details.robot();
            return new DescribeRobotResponse(r.arn, r.name, r.fleetArn, r.status, r.greengrassGroupId, r.createdAt, r.architecture,
                    r.lastDeploymentJob, r.lastDeploymentTime, details.tags());
        }
    }

    public record ListRobotsRequest(@PaginationToken String nextToken, Integer maxResults,
            @Size(min = 1, max = 1) List<@NotNull @Valid Filter> filters) {
    }

    public record ListRobotsResponse(List<RobotSummary> robots, String nextToken) {
    }

    /** The input of both RegisterRobot and DeregisterRobot. */
    public record MembershipRequest(@NotNull @Arn String fleet, @NotNull @Arn String robot) {
    }

    /** The output of both RegisterRobot and DeregisterRobot. */
    public record MembershipResponse(String fleet, String robot) {
        static MembershipResponse of(Membership m) {
            return new MembershipResponse(m.fleetArn(), m.robotArn());
        }
    }
}
