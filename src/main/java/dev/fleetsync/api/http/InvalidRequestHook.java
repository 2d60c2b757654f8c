package dev.fleetsync.api.http;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Makes {@link InvalidRequests} answer the requests Vert.x's HTTP/1 decoder fails, instead of Vert.x's bare 414, 431
 * or 400. Vert.x hands such a request to the server's invalid-request handler alone, never to the router
 * ({@code Http1xServerConnection.handleMessage}), and that handler is set by {@code HttpServer#invalidRequestHandler},
 * which Quarkus never calls on the server it creates ({@code VertxHttpRecorder}, quarkus#55082); nor does it give us
 * that server or its connections. What does reach every request in time is Vert.x's tracing SPI: the connection begins
 * the request ({@code Http1xServerRequest.handleBegin}, which calls {@link VertxTracer#receiveRequest}) and only then
 * reads its invalid-request handler. So this installs a tracer that traces nothing and, for a request whose decoding
 * failed, sets that handler on the request's connection just before it is read. A tracer set by another extension is
 * kept and called as before. Read against Vert.x 4.5.27; EdgeRefusalTest fails if a later version moves either step.
 */
@Singleton
public class InvalidRequestHook implements VertxOptionsCustomizer {
    private final InvalidRequests answer;

    public InvalidRequestHook(InvalidRequests answer) {
        this.answer = answer;
    }

    @Override
    public void accept(VertxOptions options) {
        TracingOptions tracing = options.getTracingOptions() == null ? new TracingOptions() : options.getTracingOptions();
        VertxTracerFactory other = tracing.getFactory();
        options.setTracingOptions(tracing.setFactory(
                settings -> new Tracer(other == null ? VertxTracer.NOOP : other.tracer(settings), answer)));
    }

    /** Every call goes on to {@code traced}; a request Vert.x could not decode is, on the way, given our answer. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class Tracer implements VertxTracer<Object, Object> {
        private final VertxTracer traced;
        private final Handler<HttpServerRequest> answer;

        Tracer(VertxTracer traced, Handler<HttpServerRequest> answer) {
            this.traced = traced;
            this.answer = answer;
        }

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
            if (request instanceof HttpServerRequest http && http.decoderResult().isFailure()
                    && http.connection() instanceof HttpServerConnection connection) {
                connection.invalidRequestHandler(answer);
            }
            return traced.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void sendResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
            traced.sendResponse(context, response, payload, failure, tagExtractor);
        }

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            return traced.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
            traced.receiveResponse(context, response, payload, failure, tagExtractor);
        }

        @Override
        public void close() {
            traced.close();
        }
    }
}
