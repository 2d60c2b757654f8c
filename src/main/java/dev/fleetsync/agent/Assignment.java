package dev.fleetsync.agent;

import dev.fleetsync.deployment.JobSpec;
import java.time.Instant;

/** A deployment handed to a robot: what to run, and by when it must have finished. */
public record Assignment(String jobArn, JobSpec spec, Instant timeoutAt) {
}
