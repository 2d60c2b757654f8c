package dev.fleetsync.api.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fleetsync.api.application.RobotApplicationWire.RobotSoftwareSuite;
import dev.fleetsync.api.application.RobotApplicationWire.Source;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentLaunchConfig;
import dev.fleetsync.api.deployment.DeploymentWire.S3Object;
import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.api.shape.Shape.GenericString;
import dev.fleetsync.agent.RobotReport;
import dev.fleetsync.deployment.DeploymentJobErrorCode;
import dev.fleetsync.deployment.RobotDeploymentStep;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Wire records of the robot protocol (ours: RoboMaker used Greengrass here), in the same JSON style as the API. */
public final class AgentWire {
    private AgentWire() {
    }

    public record PollRequest(@NotNull @Arn String robot, @Min(0) @Max(20) Integer waitSeconds) {
    }

    /**
     * A complete assignment (protocol version {@value #PROTOCOL_VERSION}, see docs/robot-protocol.md); every member
     * absent ({@code {}}) when there is no work for the robot.
     */
    public record PollResponse(Integer protocolVersion, String deploymentJob, String application, String applicationVersion,
            RobotSoftwareSuite robotSoftwareSuite, Source source, DeploymentLaunchConfig launchConfig, S3Object downloadConditionFile,
            Long robotDeploymentTimeoutInSeconds, Instant timeoutAt) {
        public static final int PROTOCOL_VERSION = 2;
        static final PollResponse NO_WORK = new PollResponse(null, null, null, null, null, null, null, null, null, null);
    }

    public record ReportRequest(@NotNull @Arn String robot, @NotNull @Arn String deploymentJob, @NotNull RobotDeploymentStep step,
            @NotNull @DecimalMin("0") @DecimalMax("100") Float percentDone, @Min(0) Integer estimatedTimeRemainingSeconds,
            @NotNull RobotReport.Result result, DeploymentJobErrorCode failureCode, @GenericString String failureReason) {
    }

    public record ReportResponse(@JsonProperty("continue") boolean proceed) {
    }
}
