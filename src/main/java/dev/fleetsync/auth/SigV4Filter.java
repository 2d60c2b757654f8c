package dev.fleetsync.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
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
 * Every request to the API is SigV4-verified before anything reads or changes state, then counted against its
 * account's rate. Runs before resource matching, so unknown paths need a signature too (as on AWS). The body is read
 * here to hash its exact bytes and handed on unchanged as the entity stream.
 */
public class SigV4Filter {
    private final RequestGate gate;

    public SigV4Filter(RequestGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> verify(ContainerRequestContext context, HttpServerRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        if (!gate.needsSignature(path)) {
            return Uni.createFrom().nullItem();
        }
        String query = question < 0 ? "" : uri.substring(question + 1);
        return RequestBodies.read(request, gate.maxBodyBytes())
                .flatMap(body -> {
                    SigningInput input = new SigningInput(request.method().name(), path, query, headers(request), body);
                    return gate.admit(input).map(refusal -> {
                        if (refusal.isEmpty()) {
                            context.setEntityStream(new ByteArrayInputStream(body));
                        }
                        return refusal.orElse(null);
                    });
                })
                .onFailure(RequestBodies.TooLarge.class).recoverWithItem(gate::tooLarge);
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
