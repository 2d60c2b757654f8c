package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.ops.FleetMetrics;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Puts the request id into the log MDC for every line logged while a request is served, and logs one line per API
 * request when it ends, counting it in {@code fleetsync_rejections_total} when it was answered with an AWS error: the
 * end of a request is the one place every answer passes, whichever layer rendered it. A robot-protocol call that
 * succeeded logs at DEBUG: a fleet polls all day (10,000 robots are thousands of lines a second), what a report changes
 * is in the event log, and the line was a twentieth of an idle poll's CPU; the robots' refusals stay at INFO. Quarkus keeps the MDC on the request's duplicated Vert.x context, so it follows the request
 * through reactive continuations; {@link OperationLogging} adds the operation once the route is matched.
 */
@ApplicationScoped
public class RequestLogging {
    public static final String REQUEST_ID = "requestId";
    public static final String OPERATION = "operation";
    static final String OPERATION_KEY = "fleetsync.operation";
    private static final Logger LOG = Logger.getLogger("dev.fleetsync.requests");
    private static final String ROBOT_PROTOCOL = "/agent/";

    private final FleetMetrics metrics;

    public RequestLogging(FleetMetrics metrics) {
        this.metrics = metrics;
    }

    /** The edge's step right after {@link RequestIds}, which creates the id ({@link Edge}). */
    void handle(RoutingContext ctx) {
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        MDC.put(REQUEST_ID, requestId);
        MDC.remove(OPERATION);
        // the path as sent: Vert.x's normalized path throws on bad percent-encoding, which the next step refuses
        if (!ctx.request().path().startsWith("/q/")) {
            long start = System.nanoTime();
            ctx.addEndHandler(ended -> logEnd(ctx, requestId, start));
        }
        ctx.next();
    }

    /** DEBUG for a robot-protocol call that succeeded, INFO for every other request. */
    static Logger.Level levelOf(String path, int status) {
        return path.startsWith(ROBOT_PROTOCOL) && status < 400 ? Logger.Level.DEBUG : Logger.Level.INFO;
    }

    /**
     * The line of a request Vert.x's decoder refused ({@link InvalidRequests}), which no router step sees: no path or
     * operation is known, as its line or headers were never read whole.
     */
    void logUnread(String requestId, ServiceError error) {
        MDC.put(REQUEST_ID, requestId);
        MDC.put(OPERATION, "Unknown");
        metrics.rejected("Unknown", error.awsName());
        try {
            LOG.info("(unread request) " + error.httpStatus() + " 0 ms");
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(OPERATION);
        }
    }

    private void logEnd(RoutingContext ctx, String requestId, long start) {
        String operation = ctx.get(OPERATION_KEY);
        String error = ctx.response().headers().get(AwsErrors.ERROR_TYPE_HEADER);
        if (error != null) {
            metrics.rejected(operation == null ? "Unknown" : operation, error);
        }
        int status = ctx.response().getStatusCode();
        Logger.Level level = levelOf(ctx.request().path(), status);
        if (!LOG.isEnabled(level)) {
            return;
        }
        MDC.put(REQUEST_ID, requestId);
        MDC.put(OPERATION, operation == null ? "Unknown" : operation);
        try {
            // concatenated, not infof: java.util.Formatter was most of this line's cost, once per request
            LOG.log(level, (operation == null ? ctx.request().path() : operation) + " " + status + " "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } finally {
            // the MDC may fall back to the event-loop thread; never leave one request's ids for the next
            MDC.remove(REQUEST_ID);
            MDC.remove(OPERATION);
        }
    }
}
