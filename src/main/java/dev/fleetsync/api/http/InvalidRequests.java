package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.HttpLimitsConfig;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answer to a request Vert.x's HTTP/1 decoder could not read, in place of Vert.x's own
 * ({@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}: a bare 414, 431 or 400): a request line over
 * {@code quarkus.http.limits.max-initial-line-length} or headers over {@code max-header-size} get the AWS error
 * {@link RequestShape} gives one over {@code fleetsync.http.*}, anything else the decoder refused (no HTTP version, a
 * header name with a space) a 400. Such a request never reaches the router, so it gets its request id, its log line
 * and its count here ({@link InvalidRequestHook} installs this). Nothing of the request is echoed: it was never read
 * whole. Vert.x closes the connection after the answer.
 */
@ApplicationScoped
public class InvalidRequests implements Handler<HttpServerRequest> {
    private final HttpLimitsConfig limits;
    private final RequestLogging log;
    private final int decoderLineBytes;
    private final long decoderHeaderBytes;

    public InvalidRequests(HttpLimitsConfig limits, RequestLogging log,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int decoderLineBytes,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize decoderHeaderBytes) {
        this.limits = limits;
        this.log = log;
        this.decoderLineBytes = decoderLineBytes;
        this.decoderHeaderBytes = decoderHeaderBytes.asLongValue();
    }

    @Override
    public void handle(HttpServerRequest request) {
        ServiceException refusal = refusal(request.decoderResult().cause());
        String requestId = RequestIds.newId();
        HttpServerResponse response = request.response();
        response.putHeader(RequestIds.HEADER, requestId).putHeader(HttpHeaders.CONNECTION, "close");
        AwsErrors.write(response, refusal);
        response.close(); // as Vert.x's own handler does: the rest of the connection cannot be read
        log.logUnread(requestId, refusal.error());
    }

    ServiceException refusal(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return ServiceError.URI_TOO_LONG.exception("The request line must be at most " + limits.maxRequestLineBytes()
                    + " bytes; it is over " + decoderLineBytes);
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return ServiceError.HEADERS_TOO_LARGE.exception("The request's headers must be at most " + limits.maxHeaderBytes()
                    + " bytes together; they are over " + decoderHeaderBytes);
        }
        return ServiceException.invalid("The request is not well-formed HTTP/1.1");
    }
}
