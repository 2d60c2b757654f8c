package dev.fleetsync.api.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Every answer carries {@code x-amzn-RequestId}, including those Vert.x writes before our resources run
 * (oversize bodies, unknown paths), so the header is added at the router, first of all handlers.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "x-amzn-RequestId";
    public static final String CONTEXT_KEY = "fleetsync.requestId";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = UUID.randomUUID().toString();
            ctx.put(CONTEXT_KEY, id);
            HttpServerResponse response = ctx.response();
            response.headers().set(HEADER, id);
            ctx.next();
        });
    }
}
