package dev.fleetsync.robot;

import dev.fleetsync.common.Validation;
import java.util.Arrays;

/**
 * A robot's status (shape RobotStatus). Stored by {@link #name()}, which is also the wire value.
 * Ours: Available when fleetless, Registered once in a fleet; the deployment states are set by rollouts.
 */
public enum RobotStatus {
    Available,
    Registered,
    PendingNewDeployment,
    Deploying,
    Failed,
    InSync,
    NoResponse;

    /** The status a caller named (e.g. in a list filter), or InvalidParameterException naming {@code field}. */
    public static RobotStatus parse(String value, String field) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> Validation.invalid(field, value, "Member must satisfy enum value set: " + Arrays.toString(values())));
    }
}
