package dev.fleetsync.deployment.rollout;

/** Identifies a job row: what a claim hands the stepper, and what the step's statements are scoped to. */
public record JobRef(String accountId, String arn) {
}
