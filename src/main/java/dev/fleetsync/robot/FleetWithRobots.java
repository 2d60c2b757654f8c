package dev.fleetsync.robot;

import dev.fleetsync.fleet.Fleet;
import java.util.List;
import java.util.Map;

/** A fleet with what DescribeFleet shows beside it: its robots and its tags. */
public record FleetWithRobots(Fleet fleet, List<Robot> robots, Map<String, String> tags) {
}
