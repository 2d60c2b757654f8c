package dev.fleetsync.api.application;

import dev.fleetsync.api.application.RobotApplicationWire.ApplicationVersionResponse;
import dev.fleetsync.api.application.RobotApplicationWire.CreateRobotApplicationRequest;
import dev.fleetsync.api.application.RobotApplicationWire.CreateRobotApplicationResponse;
import dev.fleetsync.api.application.RobotApplicationWire.CreateRobotApplicationVersionRequest;
import dev.fleetsync.api.application.RobotApplicationWire.DeleteRobotApplicationRequest;
import dev.fleetsync.api.application.RobotApplicationWire.DescribeRobotApplicationRequest;
import dev.fleetsync.api.application.RobotApplicationWire.DescribeRobotApplicationResponse;
import dev.fleetsync.api.application.RobotApplicationWire.ListRobotApplicationsRequest;
import dev.fleetsync.api.application.RobotApplicationWire.ListRobotApplicationsResponse;
import dev.fleetsync.api.application.RobotApplicationWire.RobotApplicationSummary;
import dev.fleetsync.api.application.RobotApplicationWire.UpdateRobotApplicationRequest;
import dev.fleetsync.api.http.PageTokens;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.application.ApplicationPageRequest;
import dev.fleetsync.application.ApplicationVersionService;
import dev.fleetsync.application.RobotApplicationService;
import dev.fleetsync.application.VersionRef;
import dev.fleetsync.auth.CallerAccount;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The six robot application operations. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RobotApplicationResource {
    private final RobotApplicationService applications;
    private final ApplicationVersionService versions;
    private final RequestValidator validator;
    private final CallerAccount caller;
    private final PageTokens pageTokens;

    public RobotApplicationResource(RobotApplicationService applications, ApplicationVersionService versions,
            RequestValidator validator, CallerAccount caller, PageTokens pageTokens) {
        this.applications = applications;
        this.versions = versions;
        this.validator = validator;
        this.caller = caller;
        this.pageTokens = pageTokens;
    }

    @POST
    @Path("createRobotApplication")
    public Uni<CreateRobotApplicationResponse> createRobotApplication(CreateRobotApplicationRequest request) {
        validator.check(request);
        return applications.create(caller.accountId(), request.name(),
                        RobotApplicationWire.content(request.robotSoftwareSuite(), request.sources(), request.environment()),
                        request.tags())
                .map(CreateRobotApplicationResponse::of);
    }

    @POST
    @Path("updateRobotApplication")
    public Uni<ApplicationVersionResponse> updateRobotApplication(UpdateRobotApplicationRequest request) {
        validator.check(request);
        return applications.update(caller.accountId(), request.application(),
                        RobotApplicationWire.content(request.robotSoftwareSuite(), request.sources(), request.environment()),
                        request.currentRevisionId())
                .map(ApplicationVersionResponse::of);
    }

    @POST
    @Path("createRobotApplicationVersion")
    public Uni<ApplicationVersionResponse> createRobotApplicationVersion(CreateRobotApplicationVersionRequest request) {
        validator.check(request);
        return versions.createVersion(caller.accountId(), request.application(), request.currentRevisionId(), request.s3Etags(),
                request.imageDigest()).map(ApplicationVersionResponse::of);
    }

    @POST
    @Path("describeRobotApplication")
    public Uni<DescribeRobotApplicationResponse> describeRobotApplication(DescribeRobotApplicationRequest request) {
        validator.check(request);
        return applications.describe(caller.accountId(), request.application(), request.version())
                .map(DescribeRobotApplicationResponse::of);
    }

    @POST
    @Path("deleteRobotApplication")
    public Uni<Empty> deleteRobotApplication(DeleteRobotApplicationRequest request) {
        validator.check(request);
        return applications.delete(caller.accountId(), request.application(), VersionRef.parse(request.applicationVersion()))
                .replaceWith(Empty.INSTANCE);
    }

    @POST
    @Path("listRobotApplications")
    public Uni<ListRobotApplicationsResponse> listRobotApplications(ListRobotApplicationsRequest request) {
        validator.check(request);
        String name = Filter.single(request.filters(), "name").map(Filter::value).orElse(null);
        ApplicationPageRequest page = ApplicationPageRequest.of(pageTokens.open(request.nextToken()), request.maxResults());
        return applications.list(caller.accountId(), name, request.versionQualifier() != null, page)
                .map(found -> new ListRobotApplicationsResponse(
                        found.items().stream().map(RobotApplicationSummary::of).toList(), pageTokens.seal(found.nextToken())));
    }
}
