package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.config.FleetSyncConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            ctx.response().headersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 413 && !ctx.response().headers().contains(AwsErrors.ERROR_TYPE_HEADER)) {
                    ctx.response().headers().set(AwsErrors.ERROR_TYPE_HEADER, ServiceError.REQUEST_TOO_LARGE.awsName());
                }
            });
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(AwsErrors.ERROR_TYPE_HEADER, ServiceError.REQUEST_TOO_LARGE.awsName())
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"message\":\"Request body must be at most " + config.maxRequestBytes() + " bytes\"}");
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > config.maxRequestBytes();
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
