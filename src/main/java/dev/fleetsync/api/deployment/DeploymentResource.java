package dev.fleetsync.api.deployment;

import dev.fleetsync.common.Validation;
import dev.fleetsync.api.deployment.DeploymentWire.CancelDeploymentJobRequest;
import dev.fleetsync.api.deployment.DeploymentWire.CreateDeploymentJobRequest;
import dev.fleetsync.api.deployment.DeploymentWire.CreateDeploymentJobResponse;
import dev.fleetsync.api.deployment.DeploymentWire.DescribeDeploymentJobRequest;
import dev.fleetsync.api.deployment.DeploymentWire.DescribeDeploymentJobResponse;
import dev.fleetsync.api.deployment.DeploymentWire.ListDeploymentJobsRequest;
import dev.fleetsync.api.deployment.DeploymentWire.ListDeploymentJobsResponse;
import dev.fleetsync.api.deployment.DeploymentWire.SyncDeploymentJobRequest;
import dev.fleetsync.api.deployment.DeploymentWire.SyncDeploymentJobResponse;
import dev.fleetsync.api.http.PageTokens;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.deployment.DeploymentJobService;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.idempotency.IdempotencyKey;
import dev.fleetsync.deployment.idempotency.IdempotentOperation;
import dev.fleetsync.deployment.JobRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Optional;

/** CreateDeploymentJob, SyncDeploymentJob, DescribeDeploymentJob, ListDeploymentJobs, CancelDeploymentJob. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {
    private final DeploymentJobService jobs;
    private final DeploymentMapper mapper;
    private final RequestValidator validator;
    private final CallerAccount caller;
    private final PageTokens pageTokens;

    public DeploymentResource(DeploymentJobService jobs, DeploymentMapper mapper, RequestValidator validator, CallerAccount caller, PageTokens pageTokens) {
        this.jobs = jobs;
        this.mapper = mapper;
        this.validator = validator;
        this.caller = caller;
        this.pageTokens = pageTokens;
    }

    @POST
    @Path("createDeploymentJob")
    public Uni<CreateDeploymentJobResponse> createDeploymentJob(CreateDeploymentJobRequest request) {
        validator.check(request);
        JobRequest asked = mapper.request(request.fleet(), request.deploymentApplicationConfigs().get(0), request.deploymentConfig());
        IdempotencyKey key = IdempotencyKey.of(request.clientRequestToken(), IdempotentOperation.CREATE_DEPLOYMENT_JOB,
                new CreateDeploymentJobRequest(request.deploymentConfig(), null, request.fleet(), request.deploymentApplicationConfigs(),
                        request.tags()));
        return jobs.create(caller.accountId(), key, asked, request.tags()).map(mapper::created);
    }

    @POST
    @Path("syncDeploymentJob")
    public Uni<SyncDeploymentJobResponse> syncDeploymentJob(SyncDeploymentJobRequest request) {
        validator.check(request);
        IdempotencyKey key = IdempotencyKey.of(request.clientRequestToken(), IdempotentOperation.SYNC_DEPLOYMENT_JOB,
                new SyncDeploymentJobRequest(null, request.fleet()));
        return jobs.sync(caller.accountId(), key, request.fleet()).map(mapper::synced);
    }

    @POST
    @Path("describeDeploymentJob")
    public Uni<DescribeDeploymentJobResponse> describeDeploymentJob(DescribeDeploymentJobRequest request) {
        validator.check(request);
        return jobs.describe(caller.accountId(), request.job()).map(mapper::described);
    }

    @POST
    @Path("listDeploymentJobs")
    public Uni<ListDeploymentJobsResponse> listDeploymentJobs(ListDeploymentJobsRequest request) {
        validator.check(request);
        Optional<Filter> filter = Filter.single(request.filters(), "status", "fleetName");
        DeploymentStatus status = filter.filter(f -> f.name().equals("status")).map(f -> status(f.value())).orElse(null);
        String fleetName = filter.filter(f -> f.name().equals("fleetName")).map(Filter::value).orElse(null);
        PageRequest page = PageRequest.of(pageTokens.open(request.nextToken()), request.maxResults(), DeploymentJobService.PAGE_LIMIT);
        return jobs.list(caller.accountId(), status, fleetName, page)
                .map(found -> new ListDeploymentJobsResponse(found.items().stream().map(mapper::summary).toList(),
                        pageTokens.seal(found.nextToken())));
    }

    @POST
    @Path("cancelDeploymentJob")
    public Uni<Empty> cancelDeploymentJob(CancelDeploymentJobRequest request) {
        validator.check(request);
        return jobs.cancel(caller.accountId(), request.job()).replaceWith(Empty.INSTANCE);
    }

    private static DeploymentStatus status(String value) {
        return Arrays.stream(DeploymentStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> Validation.invalid("filters[0].values[0]", value,
                        "Member must satisfy enum value set: " + Arrays.toString(DeploymentStatus.values())));
    }
}
