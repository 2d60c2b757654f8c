package dev.fleetsync.api.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;

/**
 * The edge every request passes before an operation runs, in this order:
 * <ol>
 * <li>{@link RequestIds}: the {@code x-amzn-RequestId} of the answer, whoever writes it;</li>
 * <li>{@link RequestLogging}: the id in the log MDC, and one line when the request ends;</li>
 * <li>{@link RequestShape}: a method no operation uses, a request line or headers over the limits, a target that is no
 * canonical, well-formed path ({@code /q/../listFleets}, {@code %C0%AF}) are refused, so the signature step and the
 * router always see the same path;</li>
 * <li>{@link BodyLimit}: a body whose length is over the limit is refused before a byte of it is read;</li>
 * <li>{@link SignedRequests}: the signature, what the credential may call, and the account's rate
 * ({@code auth/RequestGate} decides; the body's exact bytes are hashed);</li>
 * <li>{@link DefaultBody}: an empty POST is read as {@code {}};</li>
 * <li>routing, then {@link OperationLogging} names the operation; the resource runs; {@link StrictBodies} reads the
 * body strictly; {@link ErrorMappers} renders any failure as an AWS error.</li>
 * </ol>
 * The first four are Vert.x router handlers, installed here in the order of {@link Step}; the next two are RESTEasy's
 * pre-matching filters, ordered by the priorities below. A refusal at any step changes nothing. A request Vert.x's
 * decoder cannot read (past {@code quarkus.http.limits.*}) reaches none of them: {@link InvalidRequests} answers it.
 */
@ApplicationScoped
public class Edge {
    /** Pre-matching filter priorities: lower runs first. */
    static final int SIGNATURE = Priorities.AUTHENTICATION;
    static final int DEFAULT_BODY = Priorities.USER;

    /** The router handlers, first to last. */
    enum Step {
        REQUEST_ID, REQUEST_LOG, REQUEST_SHAPE, BODY_LIMIT;

        int order() {
            return Integer.MIN_VALUE + ordinal();
        }
    }

    private final RequestIds ids;
    private final RequestLogging log;
    private final RequestShape shape;
    private final BodyLimit limit;

    public Edge(RequestIds ids, RequestLogging log, RequestShape shape, BodyLimit limit) {
        this.ids = ids;
        this.log = log;
        this.shape = shape;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        router.route().order(Step.REQUEST_ID.order()).handler(ids::handle);
        router.route().order(Step.REQUEST_LOG.order()).handler(log::handle);
        router.route().order(Step.REQUEST_SHAPE.order()).handler(shape::handle);
        router.route().order(Step.BODY_LIMIT.order()).handler(limit::handle);
        router.route().order(Step.REQUEST_ID.order()).failureHandler(shape::refuseUnroutable);
    }
}
