package dev.fleetsync.api;

import dev.fleetsync.api.agent.AgentWire;
import dev.fleetsync.api.application.RobotApplicationWire;
import dev.fleetsync.api.credential.RobotCredentialWire;
import dev.fleetsync.api.deployment.DeploymentWire;
import dev.fleetsync.api.fleet.FleetWire;
import dev.fleetsync.api.robot.RobotWire;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.api.robot.RobotSummary;
import dev.fleetsync.api.tag.TagWire;
import dev.fleetsync.api.webhooks.WebhookWire;
import dev.fleetsync.application.ApplicationSource;
import dev.fleetsync.deployment.DownloadConditionFile;
import dev.fleetsync.deployment.LaunchConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What Jackson reads and writes by reflection in the native image: every wire holder with its nested request and
 * response records (also those only reached through the canonical fingerprint mapper), and the records stored as
 * JSON columns by mappers of their own. NativeReflectionTest fails when a new {@code *Wire} holder is missing here.
 */
@RegisterForReflection(ignoreNested = false, targets = {
        FleetWire.class, RobotWire.class, RobotApplicationWire.class, DeploymentWire.class, TagWire.class, AgentWire.class,
        RobotCredentialWire.class, WebhookWire.class,
        RobotSummary.class, Empty.class, Filter.class,
        ApplicationSource.class, LaunchConfig.class, DownloadConditionFile.class })
public final class NativeReflection {
    private NativeReflection() {
    }
}
