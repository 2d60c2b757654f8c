package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Renders any failure the way restJson1 clients parse it: status, {@code X-Amzn-ErrorType}, {@code {"message": ...}}. */
public final class AwsErrors {
    public static final String ERROR_TYPE_HEADER = "X-Amzn-ErrorType";

    private AwsErrors() {
    }

    public static Response render(ServiceException refusal) {
        return render(refusal.error(), refusal.getMessage());
    }

    public static Response render(ServiceError error, String message) {
        return Response.status(error.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(ERROR_TYPE_HEADER, error.awsName())
                .entity(Map.of("message", message == null ? "" : message))
                .build();
    }

    /** The same answer written straight to Vert.x, for the edge's router handlers that run before RESTEasy. */
    public static void write(RoutingContext ctx, ServiceException refusal) {
        write(ctx.response(), refusal);
    }

    /** The same answer on a bare response, for a request that never reached the router (InvalidRequests). */
    public static void write(HttpServerResponse response, ServiceException refusal) {
        response.setStatusCode(refusal.error().httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .putHeader(ERROR_TYPE_HEADER, refusal.error().awsName())
                .end(new JsonObject().put("message", refusal.getMessage()).encode());
    }
}
