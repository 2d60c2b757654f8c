package dev.fleetsync.agent;

import dev.fleetsync.application.ApplicationSource;
import dev.fleetsync.application.SuiteName;
import dev.fleetsync.application.SuiteVersion;
import dev.fleetsync.deployment.JobSpec;
import java.time.Instant;

/**
 * A deployment handed to a robot, complete: what to run (the job's settings, and from the job's application version the
 * suite and the source bundle for the robot's own architecture), and by when it must have finished. The rollout never
 * starts a robot its version has no source for; {@code suite} and {@code source} are null only when the version was
 * deleted after the robot's turn started.
 */
public record Assignment(String jobArn, JobSpec spec, Suite suite, ApplicationSource source, Instant timeoutAt) {

    /** The robot software suite of the version; {@code version} is null for the General suite. */
    public record Suite(SuiteName name, SuiteVersion version) {
    }
}
