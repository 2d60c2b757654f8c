package dev.fleetsync.api.http;

import dev.fleetsync.auth.RequestGate;
import dev.fleetsync.common.ServiceError;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * restJson1 clients send an operation with no members as an empty body, sometimes without a Content-Type:
 * both are read as {@code {}}, so a missing required member is reported by name rather than as a missing body.
 * A body declared as anything but JSON in UTF-8 is refused with 415 before any reader sees it (a {@code text/plain}
 * body was otherwise handed to the one-string constructor of a request record, and a charset the service does not
 * read was ignored). The dashboard's paths ({@code /ui}) post HTML forms and are left alone. The edge's step after the signature ({@link Edge}), which hashed the body as it came.
 */
public class DefaultBody {

    @ServerRequestFilter(preMatching = true, priority = Edge.DEFAULT_BODY)
    public Response normalize(ContainerRequestContext request, HttpServerRequest http) {
        // the dashboard's forms are HTML forms, not API calls (ui/ reads them); the path as sent, as SignedRequests
        // reads it (UriInfo would build a java.net.URI per request: a thirtieth of a robot's report)
        if (!"POST".equals(request.getMethod()) || RequestGate.isDashboard(RequestGate.rawPath(http.uri()))) {
            return null;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        } else if (!isJson(type)) {
            return AwsErrors.render(ServiceError.UNSUPPORTED_MEDIA_TYPE, "Request body must be application/json in UTF-8");
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (!chunked && (length == null || "0".equals(length.trim()))) {
            request.setEntityStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    /** {@code application/json} or {@code application/*+json}, with no charset or UTF-8; a malformed header is not JSON. */
    static boolean isJson(String header) {
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (!"application".equalsIgnoreCase(type.getType()) || !(subtype.equals("json") || subtype.endsWith("+json"))) {
            return false;
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("charset") && !"utf-8".equalsIgnoreCase(parameter.getValue())) {
                return false;
            }
        }
        return true;
    }
}
