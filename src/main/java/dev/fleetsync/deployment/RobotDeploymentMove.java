package dev.fleetsync.deployment;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A status change that a set-based statement makes to robot deployments: from any of {@code from} to {@code to}. Each
 * statement takes its move as parameters ({@code :from}, {@code :to}), never as literals, so every move the code can make
 * is one of {@link #ALL}, and each is checked against {@link RobotDeploymentStatus}'s table when it is built.
 */
public record RobotDeploymentMove(Set<RobotDeploymentStatus> from, RobotDeploymentStatus to) {
    /** A poll hands an admitted deployment to its robot. */
    public static final RobotDeploymentMove HAND_OVER = new RobotDeploymentMove(EnumSet.of(RobotDeploymentStatus.PendingNewDeployment),
            RobotDeploymentStatus.Deploying);
    /** At its turn, a robot the job's version has no source for fails instead of starting. */
    public static final RobotDeploymentMove FAIL_AT_TURN = new RobotDeploymentMove(EnumSet.of(RobotDeploymentStatus.PendingNewDeployment),
            RobotDeploymentStatus.Failed);
    /** A started robot that did not finish in time. */
    public static final RobotDeploymentMove TIME_OUT = new RobotDeploymentMove(RobotDeploymentStatus.OPEN, RobotDeploymentStatus.NoResponse);
    /** A canceled job's deploying robots are told to stop. */
    public static final RobotDeploymentMove ABORT = new RobotDeploymentMove(EnumSet.of(RobotDeploymentStatus.Deploying),
            RobotDeploymentStatus.Failed);
    /** A robot deregistered from the job's fleet. */
    public static final RobotDeploymentMove LEAVE_FLEET = new RobotDeploymentMove(RobotDeploymentStatus.OPEN, RobotDeploymentStatus.Failed);

    /** A robot's final report ends its deployment, deploying or timed out: a success. */
    public static final RobotDeploymentMove REPORT_SUCCEEDED = new RobotDeploymentMove(
            EnumSet.of(RobotDeploymentStatus.Deploying, RobotDeploymentStatus.NoResponse), RobotDeploymentStatus.InSync);
    /** A robot's final report ends its deployment, deploying or timed out: a failure. */
    public static final RobotDeploymentMove REPORT_FAILED = new RobotDeploymentMove(
            EnumSet.of(RobotDeploymentStatus.Deploying, RobotDeploymentStatus.NoResponse), RobotDeploymentStatus.Failed);

    public static final List<RobotDeploymentMove> ALL = List.of(HAND_OVER, FAIL_AT_TURN, TIME_OUT, ABORT, LEAVE_FLEET,
            REPORT_SUCCEEDED, REPORT_FAILED);

    public RobotDeploymentMove {
        from = Set.copyOf(from);
        for (RobotDeploymentStatus status : from) {
            status.moveTo(to);
        }
    }

    /** The statement's parameters {@code :from} (the names, for {@code status in (:from)}) and {@code :to}. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from.stream().map(Enum::name).sorted().toList());
        parameters.put("to", to.name());
        return parameters;
    }
}
