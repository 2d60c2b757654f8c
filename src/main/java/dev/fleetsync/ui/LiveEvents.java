package dev.fleetsync.ui;

import dev.fleetsync.common.OnContext;
import dev.fleetsync.api.events.StreamRequest;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Validation;
import dev.fleetsync.config.EventsConfig;
import dev.fleetsync.deployment.DeploymentJobService;
import dev.fleetsync.events.EventFilter;
import dev.fleetsync.events.EventQueries;
import dev.fleetsync.events.EventStream;
import dev.fleetsync.robot.RobotService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code GET /ui/events?job=…} or {@code ?fleet=…}: the dashboard's live updates, the session's account's events of one
 * job or fleet as Server-Sent Events, because a browser's EventSource cannot sign {@code GET /events}. The same
 * {@link EventStream} serves both (no thread while held, resumed with Last-Event-ID); the session
 * ({@link DashboardSessions}) stands in for the signature, and is checked again at each heartbeat without being
 * extended, so sign-out or expiry ends the stream with a {@code session-ended} event. Reads only.
 */
@Path("/ui/events")
public class LiveEvents {
    /** The event a stream ends with when its session has ended, so the page goes to sign-in rather than reconnect. */
    static final String SESSION_ENDED = "session-ended";

    private final EventStream stream;
    private final EventQueries queries;
    private final EventsConfig config;
    private final SessionStore sessions;
    private final SignIn signIn;
    private final DeploymentJobService jobs;
    private final RobotService robots;

    public LiveEvents(EventStream stream, EventQueries queries, EventsConfig config, SessionStore sessions, SignIn signIn,
            DeploymentJobService jobs, RobotService robots) {
        this.stream = stream;
        this.queries = queries;
        this.config = config;
        this.sessions = sessions;
        this.signIn = signIn;
        this.jobs = jobs;
        this.robots = robots;
    }

    /**
     * Refuses a stream before it opens (an SSE answer's status is sent with its first byte, before any asynchronous
     * check of the resource method could change it): bad parameters are 400 naming the member, another account's job
     * or fleet 404, as a page (UiErrors). Runs after the session check ({@link DashboardSessions} is pre-matching).
     */
    @ServerRequestFilter
    public Uni<Response> admit(ContainerRequestContext context, ResourceInfo resource) {
        if (resource.getResourceClass() != LiveEvents.class) {
            return Uni.createFrom().nullItem();
        }
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        return Uni.createFrom().deferred(() -> owned(CurrentSession.get().accountId(),
                        StreamRequest.of(query.getFirst("fleet"), query.getFirst("job"), context.getHeaderString("Last-Event-ID")).filter()))
                .replaceWith((Response) null)
                .onFailure(ServiceException.class).recoverWithItem(e -> UiErrors.page((ServiceException) e));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@QueryParam("fleet") String fleet, @QueryParam("job") String job,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        DashboardSession session = CurrentSession.get();
        io.vertx.core.Context context = Vertx.currentContext();
        StreamRequest request = StreamRequest.of(fleet, job, lastEventId); // admitted above: it is valid and the account's
        Uni<Long> start = request.after().map(after -> Uni.createFrom().item(after)).orElseGet(() -> queries.last(session.accountId()));
        return start.onItem().transformToMulti(after -> follow(session, request.filter(), after, sse, context));
    }

    /** The job or fleet of the account, or ResourceNotFoundException exactly as for one that does not exist. */
    private Uni<Void> owned(String accountId, EventFilter filter) {
        if (filter.jobArn() != null && filter.fleetArn() != null) {
            throw Validation.invalid("fleet", filter.fleetArn(), "Member must be absent when job is given: a page follows one job or one fleet");
        }
        if (filter.jobArn() != null) {
            return jobs.describe(accountId, filter.jobArn()).replaceWithVoid();
        }
        if (filter.fleetArn() != null) {
            return robots.describeFleet(accountId, filter.fleetArn()).replaceWithVoid();
        }
        throw Validation.invalid("job", null, "Member must not be null: give the job (or the fleet) whose page follows its events");
    }

    private Multi<OutboundSseEvent> follow(DashboardSession session, EventFilter filter, long after, Sse sse,
            io.vertx.core.Context context) {
        Multi<OutboundSseEvent> events = stream.follow(session.accountId(), filter, after)
                .map(event -> sse.newEventBuilder().id(Long.toString(event.seq()))
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, event.json()).build());
        OutboundSseEvent ended = sse.newEventBuilder().name(SESSION_ENDED).data(String.class, "{}").build();
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                // a heartbeat not yet written when the next is due is dropped: ticks refuse to queue, and would fail the stream
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> signedIn(session))
                .map(live -> live ? sse.newEventBuilder().comment("heartbeat").build() : ended);
        return Multi.createBy().merging().streams(events, heartbeats)
                .plug(merged -> untilEnded(merged, ended))
                .emitOn(OnContext.of(context));
    }

    /** The merged stream up to and including {@code ended}, then complete (which ends the event stream's reader too). */
    private static Multi<OutboundSseEvent> untilEnded(Multi<OutboundSseEvent> merged, OutboundSseEvent ended) {
        return Multi.createFrom().emitter(emitter -> {
            var subscription = merged.subscribe().with(event -> {
                emitter.emit(event);
                if (event == ended) {
                    emitter.complete();
                }
            }, emitter::fail, emitter::complete);
            emitter.onTermination(subscription::cancel);
        });
    }

    private Uni<Boolean> signedIn(DashboardSession session) {
        if (signIn.principalOf(session).isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return sessions.isLive(session.token()).onFailure().recoverWithItem(true); // a failed check is asked again at the next beat
    }
}
