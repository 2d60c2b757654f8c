package dev.fleetsync.api.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body into memory, up to a cap, so its exact bytes can be hashed for SigV4 and then handed to the
 * resource. Bodies with a Content-Length over the cap were already refused at the router; this stops chunked ones.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The body bytes, or a failure with {@link TooLarge} once more than {@code maxBytes} arrive. */
    static Uni<byte[]> read(HttpServerRequest request, int maxBytes) {
        if (request.isEnded()) {
            return Uni.createFrom().item(new byte[0]);
        }
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            request.handler(chunk -> {
                if (body.length() + chunk.length() > maxBytes) {
                    request.handler(ignored -> { });
                    request.endHandler(ignored -> { });
                    emitter.fail(new TooLarge());
                } else {
                    body.appendBuffer(chunk);
                }
            });
            request.endHandler(v -> emitter.complete(body.getBytes()));
            request.exceptionHandler(emitter::fail);
            request.resume();
        });
    }

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
