package dev.fleetsync.robot;

import dev.fleetsync.ops.CountedStatuses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Robots by status, as {@code fleetsync_robots}. */
@ApplicationScoped
public class RobotStatusGauge implements CountedStatuses {
    @Override
    public String gauge() {
        return "fleetsync.robots";
    }

    @Override
    public String description() {
        return "Robots by status";
    }

    @Override
    public String table() {
        return "robot";
    }

    @Override
    public List<String> statuses() {
        return Arrays.stream(RobotStatus.values()).map(Enum::name).toList();
    }
}
