package dev.fleetsync.api.http;

import dev.fleetsync.api.model.ServiceModel;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Validation;
import dev.fleetsync.config.HttpLimitsConfig;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, before the signature step and routing, a request whose form no operation could take: an HTTP method none
 * uses (TRACE, FOO), a request line or headers over {@link HttpLimitsConfig}, a target that is not a canonical,
 * well-formed path ({@link RequestTarget}). The refusal is an AWS error, written here so that no later step, and no
 * framework default, answers it otherwise.
 */
@ApplicationScoped
public class RequestShape {
    /**
     * Quarkus checks every request's URI with {@code java.net.URI} before any route runs and answers a bare 400 to one
     * it cannot parse ({@code %ZZ}, a space), unless this system property is set before it starts: this step checks
     * the same and more, and answers as an AWS error. Set by {@code FleetSyncMain} and, for the tests, by Surefire.
     */
    public static final String URI_CHECK_OFF = "vertx.disableURIValidation";

    /**
     * The methods of the API, the robot protocol and the management endpoints, within what the signature check knows
     * (the SDK's {@code SdkHttpMethod}: another one made it fail with a 500); PUT and PATCH meet the router's 405 later.
     * Not OPTIONS, which no operation takes: RESTEasy answered it by itself, 200 with an Allow header, before the
     * signature was checked.
     */
    static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    /** The query parameters of the model, spelled as it spells them. */
    static final Set<String> QUERY_NAMES = ServiceModel.queryParameterNames();

    private final HttpLimitsConfig limits;

    public RequestShape(HttpLimitsConfig limits) {
        this.limits = limits;
    }

    public static void replaceQuarkusUriCheck() {
        System.setProperty(URI_CHECK_OFF, "true");
    }

    /** The edge's step right after the request log ({@link Edge}). */
    void handle(RoutingContext ctx) {
        Optional<ServiceException> refusal = refusal(ctx.request());
        if (refusal.isPresent()) {
            // the body, if any, is never read: the connection cannot carry another request after it
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            AwsErrors.write(ctx, refusal.get());
            return;
        }
        ctx.next();
    }

    /**
     * The router's own failure of a request before any step runs, which Quarkus's failure handler would answer with its
     * own JSON (in dev and test with a stack trace) or, for a target that is no path ({@code *}, {@code createFleet}),
     * with a bare 404: a 400 (no Host header, a path Vert.x cannot normalize), or any failure of a target this step
     * refuses anyway (which no later step can have seen). Answered as an AWS error, with a request id.
     */
    void refuseUnroutable(RoutingContext ctx) {
        Optional<ServiceException> problem = targetProblem(ctx.request().uri());
        if (ctx.response().headWritten() || (ctx.statusCode() != 400 && problem.isEmpty())) {
            ctx.next(); // Quarkus's own failure handler, for everything else
            return;
        }
        RequestIds.ensure(ctx);
        ServiceException refusal = problem.orElseGet(() -> ServiceException.invalid(
                ctx.failure() instanceof VertxException known ? known.getMessage() : "The request could not be read"));
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        AwsErrors.write(ctx, refusal);
    }

    private Optional<ServiceException> refusal(HttpServerRequest request) {
        String method = request.method().name();
        if (!METHODS.contains(request.method())) {
            return Optional.of(ServiceError.METHOD_NOT_ALLOWED.exception("No operation accepts the HTTP method " + printable(method)));
        }
        String uri = request.uri();
        int line = method.length() + 1 + uri.length() + 1 + "HTTP/1.1".length();
        if (line > limits.maxRequestLineBytes()) {
            return Optional.of(ServiceError.URI_TOO_LONG.exception(
                    "The request line must be at most " + limits.maxRequestLineBytes() + " bytes; it is " + line));
        }
        int count = 0;
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            count++;
            bytes += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        if (count > limits.maxHeaders()) {
            return Optional.of(ServiceError.HEADERS_TOO_LARGE.exception(
                    "A request may carry at most " + limits.maxHeaders() + " headers; it has " + count));
        }
        if (bytes > limits.maxHeaderBytes()) {
            return Optional.of(ServiceError.HEADERS_TOO_LARGE.exception(
                    "The request's headers must be at most " + limits.maxHeaderBytes() + " bytes together; they are " + bytes));
        }
        return targetProblem(uri);
    }

    private static Optional<ServiceException> targetProblem(String uri) {
        int question = uri.indexOf('?');
        return RequestTarget.problem(question < 0 ? uri : uri.substring(0, question), question < 0 ? null : uri.substring(question + 1),
                QUERY_NAMES);
    }

    private static String printable(String method) {
        return Validation.printable(method.length() <= 32 ? method : method.substring(0, 32) + "...");
    }
}
