package dev.fleetsync.api.fleet;

import dev.fleetsync.api.robot.RobotSummary;
import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.api.shape.Shape.Name;
import dev.fleetsync.api.shape.Shape.PaginationToken;
import dev.fleetsync.api.shape.Shape.TagKey;
import dev.fleetsync.api.shape.Shape.TagValue;
import dev.fleetsync.fleet.Fleet;
import dev.fleetsync.fleet.FleetDetails;
import dev.fleetsync.robot.FleetWithRobots;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire records of the fleet operations, with the model's member names. */
public final class FleetWire {
    private FleetWire() {
    }

    public record CreateFleetRequest(@NotNull @Name String name,
            @Size(max = 50) Map<@NotNull @TagKey String, @NotNull @TagValue String> tags) {
    }

    public record CreateFleetResponse(String arn, String name, Instant createdAt, Map<String, String> tags) {
        static CreateFleetResponse of(FleetDetails details) {
            Fleet f = details.fleet();
            return new CreateFleetResponse(f.arn, f.name, f.createdAt, details.tags());
        }
    }

    public record DeleteFleetRequest(@NotNull @Arn String fleet) {
    }

    public record DescribeFleetRequest(@NotNull @Arn String fleet) {
    }

    public record DescribeFleetResponse(String name, String arn, List<RobotSummary> robots, Instant createdAt,
            String lastDeploymentStatus, String lastDeploymentJob, Instant lastDeploymentTime, Map<String, String> tags) {
        static DescribeFleetResponse of(FleetWithRobots details) {
            Fleet f = details.fleet();
            return new DescribeFleetResponse(f.name, f.arn, details.robots().stream().map(RobotSummary::of).toList(), f.createdAt,
                    f.lastDeploymentStatus, f.lastDeploymentJob, f.lastDeploymentTime, details.tags());
        }
    }

    public record ListFleetsRequest(@PaginationToken String nextToken, Integer maxResults,
            @Size(min = 1, max = 1) List<@NotNull @Valid Filter> filters) {
    }

    public record FleetSummary(String name, String arn, Instant createdAt, String lastDeploymentStatus, String lastDeploymentJob,
            Instant lastDeploymentTime) {
        static FleetSummary of(Fleet f) {
            return new FleetSummary(f.name, f.arn, f.createdAt, f.lastDeploymentStatus, f.lastDeploymentJob, f.lastDeploymentTime);
        }
    }

    public record ListFleetsResponse(List<FleetSummary> fleetDetails, String nextToken) {
    }
}
