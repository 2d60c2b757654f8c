package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an operator can tune, under the {@code fleetsync.} prefix. */
@ConfigMapping(prefix = "fleetsync")
public interface FleetSyncConfig {

    /** AWS partition written into every ARN. */
    @WithDefault("aws")
    String partition();

    /** Region written into every ARN and used for request signing. */
    @WithDefault("us-west-2")
    String region();

    /** Largest request body accepted, in bytes; larger bodies are refused before parsing. */
    @WithDefault("262144")
    int maxRequestBytes();

    /** Deployment defaults applied when a job's deploymentConfig leaves a member out. */
    DeploymentDefaults deployment();

    interface DeploymentDefaults {
        /** Share of the fleet's robots deployed at the same time (the console default). */
        @WithDefault("20")
        int concurrentDeploymentPercentage();

        /** Share of failed robots at which a rollout stops (the console default). */
        @WithDefault("25")
        int failureThresholdPercentage();

        /** Per-robot deployment timeout (the documented default of 5 hours). */
        @WithDefault("18000")
        long robotDeploymentTimeoutInSeconds();
    }
}
