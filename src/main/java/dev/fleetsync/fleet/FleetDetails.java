package dev.fleetsync.fleet;

import dev.fleetsync.robot.Robot;
import java.util.List;
import java.util.Map;

/** A fleet with what DescribeFleet shows beside it. */
public record FleetDetails(Fleet fleet, List<Robot> robots, Map<String, String> tags) {
}
