package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.config.FleetSyncConfig;
import io.vertx.core.http.HttpHeaders;
import dev.fleetsync.common.ServiceException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses an oversize body from its Content-Length before a byte of it is read, in the AWS error format.
 * A chunked body that grows past the limit is stopped by {@code quarkus.http.limits.max-body-size}, and that
 * bare 413 still gets the AWS error-type header here.
 */
@ApplicationScoped
public class BodyLimit {
    private final FleetSyncConfig config;

    public BodyLimit(FleetSyncConfig config) {
        this.config = config;
    }

    /** The edge's body-limit step ({@link Edge}). */
    void handle(RoutingContext ctx) {
        ctx.response().headersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 413 && !ctx.response().headers().contains(AwsErrors.ERROR_TYPE_HEADER)) {
                ctx.response().headers().set(AwsErrors.ERROR_TYPE_HEADER, ServiceError.REQUEST_TOO_LARGE.awsName());
            }
        });
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            AwsErrors.write(ctx, refusal());
            return;
        }
        ctx.next();
    }

    int maxBytes() {
        return config.maxRequestBytes();
    }

    /** The one answer to a body over the limit, wherever it is found (its length, its bytes, the framework's 413). */
    ServiceException refusal() {
        return ServiceError.REQUEST_TOO_LARGE.exception("Request body must be at most " + config.maxRequestBytes() + " bytes");
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > config.maxRequestBytes();
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
