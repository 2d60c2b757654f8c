package dev.fleetsync.ui;

import dev.fleetsync.auth.RequestGate;
import dev.fleetsync.common.ServiceException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The dashboard's counterpart of the edge's signature step (api/http/SignedRequests skips the paths
 * {@link RequestGate#isDashboard} names): a POST must come from the dashboard's own page (Origin); a page other than
 * sign-in and the static files needs a live session, whose principal still exists, and draws on its account's rate
 * like a signed call. Without a session a GET is sent to sign in and anything else is refused. Every dashboard answer
 * forbids framing, inline script and caching.
 */
public class DashboardSessions {
    static final String SIGN_IN = "/ui/sign-in";
    static final String STATIC = "/ui/static/";

    private final SessionStore sessions;
    private final SignIn signIn;
    private final RequestGate gate;

    public DashboardSessions(SessionStore sessions, SignIn signIn, RequestGate gate) {
        this.sessions = sessions;
        this.signIn = signIn;
        this.gate = gate;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> admit(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        if (!RequestGate.isDashboard(path)) {
            return Uni.createFrom().nullItem();
        }
        boolean post = "POST".equals(context.getMethod());
        if (post) {
            Optional<ServiceException> foreign = WriteCheck.origin(request.getHeader("Origin"), host(request));
            if (foreign.isPresent()) {
                return Uni.createFrom().item(UiErrors.page(foreign.get()));
            }
        }
        if (path.equals(SIGN_IN) || path.startsWith(STATIC)) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = request.getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().item(noSession(post));
        }
        return sessions.resume(cookie.getValue()).map(found -> {
            Optional<DashboardSession> session = found.filter(s -> signIn.principalOf(s).isPresent());
            if (session.isEmpty()) {
                return noSession(post);
            }
            Optional<ServiceException> refusal = gate.admitSession(signIn.principalOf(session.get()).orElseThrow());
            if (refusal.isPresent()) {
                return UiErrors.page(refusal.get());
            }
            CurrentSession.set(session.get());
            return null;
        });
    }

    @ServerResponseFilter
    public void protect(HttpServerRequest request, ContainerResponseContext response) {
        if (!RequestGate.isDashboard(RequestGate.rawPath(request.uri()))) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }

    /** The authority the browser sent the request to (HTTP/2 carries it as :authority). */
    private static String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        return host != null || request.authority() == null ? host : request.authority().toString();
    }

    private static Response noSession(boolean post) {
        return post ? UiErrors.page(SignIn.signInFirst()) : Response.seeOther(URI.create(SIGN_IN)).build();
    }
}
