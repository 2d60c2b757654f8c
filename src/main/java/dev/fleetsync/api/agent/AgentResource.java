package dev.fleetsync.api.agent;

import dev.fleetsync.agent.AgentService;
import dev.fleetsync.agent.Assignment;
import dev.fleetsync.agent.RobotReport;
import dev.fleetsync.api.agent.AgentWire.PollRequest;
import dev.fleetsync.api.agent.AgentWire.PollResponse;
import dev.fleetsync.api.agent.AgentWire.ReportRequest;
import dev.fleetsync.api.agent.AgentWire.ReportResponse;
import dev.fleetsync.api.application.RobotApplicationWire.RobotSoftwareSuite;
import dev.fleetsync.api.application.RobotApplicationWire.Source;
import dev.fleetsync.api.deployment.DeploymentWire.DeploymentLaunchConfig;
import dev.fleetsync.api.deployment.DeploymentWire.S3Object;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.application.ApplicationSource;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.auth.Principal;
import dev.fleetsync.auth.RobotCredentials;
import dev.fleetsync.config.RolloutConfig;
import dev.fleetsync.deployment.DownloadConditionFile;
import dev.fleetsync.deployment.LaunchConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** {@code POST /agent/v1/poll} and {@code POST /agent/v1/report}: how robots take part in a rollout. */
@Path("/agent/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
    private final AgentService agent;
    private final RequestValidator validator;
    private final CallerAccount caller;
    private final RolloutConfig config;
    private final RobotCredentials credentials;

    public AgentResource(AgentService agent, RequestValidator validator, CallerAccount caller, RolloutConfig config,
            RobotCredentials credentials) {
        this.agent = agent;
        this.validator = validator;
        this.caller = caller;
        this.config = config;
        this.credentials = credentials;
    }

    @POST
    @Path("poll")
    public Uni<PollResponse> poll(PollRequest request) {
        validator.check(request);
        Duration wait = request.waitSeconds() == null ? Duration.ZERO : Duration.ofSeconds(request.waitSeconds());
        if (wait.compareTo(config.maxPollWait()) > 0) {
            wait = config.maxPollWait();
        }
        Principal principal = caller.principal();
        return agent.poll(caller.robotAccount(request.robot()), request.robot(), wait, () -> credentials.stillInForce(principal))
                .map(assignment -> assignment == null ? PollResponse.NO_WORK : toWire(assignment));
    }

    @POST
    @Path("report")
    public Uni<ReportResponse> report(ReportRequest request) {
        validator.check(request);
        String accountId = caller.robotAccount(request.robot());
        RobotReport report = new RobotReport(request.robot(), request.deploymentJob(), request.step(), request.percentDone(),
                request.estimatedTimeRemainingSeconds(), request.result(), request.failureCode(), request.failureReason());
        return agent.report(accountId, report).map(ReportResponse::new);
    }

    private static PollResponse toWire(Assignment assignment) {
        LaunchConfig launch = assignment.spec().launchConfig();
        DownloadConditionFile condition = assignment.spec().rollout().downloadConditionFile();
        Assignment.Suite suite = assignment.suite();
        ApplicationSource source = assignment.source();
        return new PollResponse(PollResponse.PROTOCOL_VERSION, assignment.jobArn(), assignment.spec().applicationArn(),
                Integer.toString(assignment.spec().applicationVersion()),
                suite == null ? null : new RobotSoftwareSuite(suite.name(), suite.version()),
                source == null ? null : new Source(source.s3Bucket(), source.s3Key(), source.etag(), source.architecture()),
                new DeploymentLaunchConfig(launch.packageName(), launch.preLaunchFile(), launch.launchFile(), launch.postLaunchFile(),
                        launch.environmentVariables()),
                condition == null ? null : new S3Object(condition.bucket(), condition.key(), condition.etag()),
                assignment.spec().rollout().robotTimeoutSeconds(), assignment.timeoutAt());
    }
}
