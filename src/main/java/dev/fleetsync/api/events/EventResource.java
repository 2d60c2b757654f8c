package dev.fleetsync.api.events;

import dev.fleetsync.common.OnContext;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.config.EventsConfig;
import dev.fleetsync.events.EventQueries;
import dev.fleetsync.events.EventStream;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * {@code GET /events}: the caller's account's events as Server-Sent Events (docs/events.md), signed and throttled like
 * every call (the edge's signature step runs before this). Returns at once: the held stream is the {@link EventStream}'s
 * registration and a heartbeat timer, no thread.
 */
@Path("/events")
public class EventResource {
    private final EventStream stream;
    private final EventQueries queries;
    private final CallerAccount caller;
    private final EventsConfig config;

    public EventResource(EventStream stream, EventQueries queries, CallerAccount caller, EventsConfig config) {
        this.stream = stream;
        this.queries = queries;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@QueryParam("fleet") String fleet, @QueryParam("job") String job,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        StreamRequest request = StreamRequest.of(fleet, job, lastEventId); // refused before anything is read
        String accountId = caller.accountId();
        io.vertx.core.Context context = Vertx.currentContext();
        Uni<Long> start = request.after().map(after -> Uni.createFrom().item(after)).orElseGet(() -> queries.last(accountId));
        Multi<OutboundSseEvent> events = start.onItem().transformToMulti(after -> stream.follow(accountId, request.filter(), after))
                .map(event -> sse.newEventBuilder().id(Long.toString(event.seq())).name(event.type().name())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, event.json()).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                // a heartbeat not yet written when the next is due is dropped: ticks refuse to queue, and would fail the stream
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats)
                // written on the request's own context, as every response is
                .emitOn(OnContext.of(context));
    }
}
