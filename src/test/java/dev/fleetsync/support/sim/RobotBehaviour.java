package dev.fleetsync.support.sim;

/** How a simulated robot takes part in a rollout. */
public enum RobotBehaviour {
    /** Polls, steps through its deployment and reports every step. */
    ANSWERS,
    /** Never polls: the service starts it but never hands it the job. */
    NEVER_POLLS,
    /** Polls until handed a job, then falls silent: no report, no further poll. */
    SILENT_AFTER_HANDED
}
