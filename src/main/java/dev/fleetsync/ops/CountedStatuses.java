package dev.fleetsync.ops;

import java.util.List;

/**
 * A table whose rows carry a status, counted by {@link StatusCounts} into one gauge per status. The aggregate that
 * owns the statuses provides it, so ops names no domain type.
 */
public interface CountedStatuses {
    /** The gauge's name, {@code fleetsync.deployment.jobs} in Prometheus as {@code fleetsync_deployment_jobs}. */
    String gauge();

    String description();

    /** The table, with a {@code status} column. */
    String table();

    /** Every status, so each has its gauge (at 0) before any row has it. */
    List<String> statuses();
}
