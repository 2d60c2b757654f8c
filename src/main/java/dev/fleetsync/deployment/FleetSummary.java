package dev.fleetsync.deployment;

import java.time.Instant;

/**
 * A fleet as the dashboard lists it: its robots, and how many of them run its latest deployment's version (that of its
 * newest job not canceled, the one SyncDeploymentJob brings robots to). {@code lastDeploymentJob} and after may be null.
 */
public record FleetSummary(String arn, String name, int robots, int inSync, String lastDeploymentJob,
        String lastDeploymentStatus, Instant lastDeploymentTime) {
}
