package dev.fleetsync.api.http;

import dev.fleetsync.auth.RequestGate;
import dev.fleetsync.auth.SigningInput;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The edge's signature step ({@link Edge}): every request but the unsigned paths is SigV4-verified, what its credential
 * may call is checked and its account's rate drawn on, before anything reads or changes state. {@code auth/RequestGate}
 * decides; this renders its refusal. Runs before resource matching, so unknown paths need a signature too (as on
 * AWS). The body is read here to hash its exact bytes and handed on unchanged as the entity stream.
 */
public class SignedRequests {
    private final RequestGate gate;
    private final BodyLimit limit;

    public SignedRequests(RequestGate gate, BodyLimit limit) {
        this.gate = gate;
        this.limit = limit;
    }

    @ServerRequestFilter(preMatching = true, priority = Edge.SIGNATURE)
    public Uni<Response> verify(ContainerRequestContext context, HttpServerRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = RequestGate.rawPath(uri);
        if (!gate.needsSignature(path)) {
            return Uni.createFrom().nullItem();
        }
        String query = question < 0 ? "" : uri.substring(question + 1);
        return RequestBodies.read(request, limit.maxBytes())
                .flatMap(body -> {
                    SigningInput input = new SigningInput(request.method().name(), path, query, headers(request), body);
                    return gate.admit(input).map(refusal -> {
                        if (refusal.isEmpty()) {
                            context.setEntityStream(new ByteArrayInputStream(body));
                        }
                        return refusal.map(AwsErrors::render).orElse(null);
                    });
                })
                .onFailure(RequestBodies.TooLarge.class).recoverWithItem(() -> AwsErrors.render(limit.refusal()));
    }

    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue()));
        if (!headers.containsKey("host") && request.authority() != null) {
            headers.put("host", List.of(request.authority().toString())); // HTTP/2 carries it as :authority
        }
        return headers;
    }
}
