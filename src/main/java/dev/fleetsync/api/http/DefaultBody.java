package dev.fleetsync.api.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * restJson1 clients send an operation with no members as an empty body, sometimes without a Content-Type:
 * both are read as {@code {}}, so a missing required member is reported by name rather than as a missing body.
 * The edge's step after the signature ({@link Edge}), which hashed the body as it came.
 */
public class DefaultBody {

    @ServerRequestFilter(preMatching = true, priority = Edge.DEFAULT_BODY)
    public void normalize(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (!chunked && (length == null || "0".equals(length.trim()))) {
            request.setEntityStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
