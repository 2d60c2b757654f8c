package dev.fleetsync.deployment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The job lifecycle, and the one table of its legal transitions:
 * Pending -> Preparing -> InProgress -> Succeeded | Failed; Canceled (and Failed) from any active state.
 * Stored by {@link #name()}, which is also the wire value.
 */
public enum DeploymentStatus {
    Pending,
    Preparing,
    InProgress,
    Failed,
    Succeeded,
    Canceled;

    /** Statuses in which a job holds its fleet; the partial unique index uq_deployment_job_active_fleet lists the same. */
    public static final Set<DeploymentStatus> ACTIVE = EnumSet.of(Pending, Preparing, InProgress);
    /** Statuses a job ends in; the partial index ix_deployment_job_finished lists the same. */
    public static final Set<DeploymentStatus> FINISHED = EnumSet.complementOf(EnumSet.copyOf(ACTIVE));

    /** The statuses' names, for a native statement's {@code status in (:name)}: the enum is the only spelling. */
    public static List<String> names(Set<DeploymentStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().toList();
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public Set<DeploymentStatus> next() {
        return switch (this) {
            case Pending -> EnumSet.of(Preparing, Failed, Canceled, Succeeded);
            case Preparing -> EnumSet.of(InProgress, Failed, Canceled, Succeeded);
            case InProgress -> EnumSet.of(Succeeded, Failed, Canceled);
            case Failed, Succeeded, Canceled -> EnumSet.noneOf(DeploymentStatus.class);
        };
    }

    public boolean canMoveTo(DeploymentStatus target) {
        return next().contains(target);
    }

    /** The target, if this status may move to it; a typed error naming both otherwise. */
    public DeploymentStatus moveTo(DeploymentStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    /** A job was asked to move where the transition table does not allow. */
    public static final class IllegalTransitionException extends IllegalStateException {
        IllegalTransitionException(DeploymentStatus from, DeploymentStatus to) {
            super("A deployment job can only move from " + from + " to " + from.next() + "; " + to + " is not one of them");
        }
    }
}
