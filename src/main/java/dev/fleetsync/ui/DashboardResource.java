package dev.fleetsync.ui;

import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Validation;
import dev.fleetsync.deployment.DeploymentJobService;
import dev.fleetsync.deployment.FleetSummaries;
import dev.fleetsync.deployment.idempotency.IdempotencyKey;
import dev.fleetsync.deployment.idempotency.IdempotentOperation;
import dev.fleetsync.robot.RobotService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard's pages and its two writes. Thin as the API's resources: reads go to the domain services, Sync and
 * Cancel to {@link DeploymentJobService} exactly as the API calls it (idempotency, quotas and validation alike), for
 * the session's account only. Any refusal is a page ({@link UiErrors}); another account's fleet or job is not found.
 */
@Path("/ui")
public class DashboardResource {
    /** Fleets on the first page and jobs on a fleet's page: the dashboard shows the newest, the API pages through all. */
    static final int FLEETS_SHOWN = 200;
    static final int JOBS_SHOWN = 50;

    private final FleetSummaries summaries;
    private final RobotService robots;
    private final DeploymentJobService jobs;

    public DashboardResource(FleetSummaries summaries, RobotService robots, DeploymentJobService jobs) {
        this.summaries = summaries;
        this.robots = robots;
        this.jobs = jobs;
    }

    @GET
    public Uni<Response> fleets(@Context HttpServerRequest request) {
        if (!request.path().endsWith("/")) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/ui/")).build());
        }
        DashboardSession session = CurrentSession.get();
        return page(() -> summaries.of(session.accountId(), FLEETS_SHOWN)
                .map(found -> Pages.fleets(Pages.Frame.of(session), found.stream().map(Pages.FleetLine::of).toList()).render()));
    }

    @GET
    @Path("fleet")
    public Uni<Response> fleet(@QueryParam("arn") String arn) {
        DashboardSession session = CurrentSession.get();
        return page(() -> robots.describeFleet(session.accountId(), required("arn", arn))
                .flatMap(details -> jobs.newestOfFleet(session.accountId(), arn, JOBS_SHOWN)
                        .map(found -> Pages.fleet(Pages.Frame.of(session), details.fleet().arn, details.fleet().name,
                                details.robots().stream().map(Pages.RobotLine::of).toList(),
                                found.stream().map(Pages.JobLine::of).toList(), ClientTokens.fresh()).render())));
    }

    /** The fleet page's live part alone (its jobs and robots), fetched again on the fleet's events (dashboard.js). */
    @GET
    @Path("fleet/live")
    public Uni<Response> fleetLive(@QueryParam("arn") String arn) {
        DashboardSession session = CurrentSession.get();
        return page(() -> robots.describeFleet(session.accountId(), required("arn", arn))
                .flatMap(details -> jobs.newestOfFleet(session.accountId(), arn, JOBS_SHOWN)
                        .map(found -> Pages.fleet$live(details.robots().stream().map(Pages.RobotLine::of).toList(),
                                found.stream().map(Pages.JobLine::of).toList()).render())));
    }

    @GET
    @Path("job")
    public Uni<Response> job(@QueryParam("arn") String arn) {
        DashboardSession session = CurrentSession.get();
        return page(() -> jobs.describe(session.accountId(), required("arn", arn))
                .map(details -> Pages.job(Pages.Frame.of(session), JobView.of(details)).render()));
    }

    /** The job page's live part alone, which the page fetches again on the job's events (dashboard.js, ui/LiveEvents). */
    @GET
    @Path("job/live")
    public Uni<Response> jobLive(@QueryParam("arn") String arn) {
        DashboardSession session = CurrentSession.get();
        return page(() -> jobs.describe(session.accountId(), required("arn", arn))
                .map(details -> Pages.job$live(Pages.Frame.of(session), JobView.of(details)).render()));
    }

    @POST
    @Path("fleet/sync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> sync(@FormParam("arn") String arn, @FormParam("clientToken") String clientToken, @FormParam("csrf") String csrf) {
        DashboardSession session = CurrentSession.get();
        return write(session, csrf, () -> {
            IdempotencyKey key = IdempotencyKey.of(required("clientToken", clientToken), IdempotentOperation.SYNC_DEPLOYMENT_JOB,
                    Map.of("fleet", required("arn", arn)));
            return jobs.sync(session.accountId(), key, arn).map(details -> "/ui/job?arn=" + encode(details.job().arn));
        });
    }

    @POST
    @Path("job/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@FormParam("arn") String arn, @FormParam("csrf") String csrf) {
        DashboardSession session = CurrentSession.get();
        return write(session, csrf, () -> jobs.cancel(session.accountId(), required("arn", arn))
                .map(ignored -> "/ui/job?arn=" + encode(arn)));
    }

    /** Runs a write whose form carries the session's csrf token, then sends the browser to the page it returns. */
    private static Uni<Response> write(DashboardSession session, String csrf, Supplier<Uni<? extends String>> action) {
        Optional<ServiceException> forged = WriteCheck.token(session, csrf);
        if (forged.isPresent()) {
            return Uni.createFrom().item(UiErrors.page(forged.get()));
        }
        return Uni.createFrom().deferred(action)
                .map(location -> Response.seeOther(URI.create(location)).build())
                .onFailure(ServiceException.class).recoverWithItem(e -> UiErrors.page((ServiceException) e));
    }

    private static Uni<Response> page(Supplier<Uni<? extends String>> render) {
        return Uni.createFrom().deferred(render)
                .map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build())
                .onFailure(ServiceException.class).recoverWithItem(e -> UiErrors.page((ServiceException) e));
    }

    private static String required(String member, String value) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(member, value, "Member must not be null");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
