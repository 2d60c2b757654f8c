package dev.fleetsync.ui;

import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.UiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** Sign-in with an access key id and secret, once, then a session cookie; sign-out ends the session at once. */
@Path("/ui")
public class SignInResource {
    private final SignIn signIn;
    private final SessionStore sessions;
    private final UiConfig config;

    public SignInResource(SignIn signIn, SessionStore sessions, UiConfig config) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public String form() {
        return Pages.signIn(null, "").render();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@FormParam("accessKeyId") String accessKeyId, @FormParam("secretAccessKey") String secret,
            @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        return signIn.signIn(accessKeyId, secret, address)
                .map(session -> Response.seeOther(URI.create("/ui/"))
                        .header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.token(), config.sessionMaxAge(), overTls(request)))
                        .build())
                .onFailure(ServiceException.class).recoverWithItem(e -> refused((ServiceException) e, accessKeyId));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@FormParam("csrf") String csrf, @Context HttpServerRequest request) {
        DashboardSession session = CurrentSession.get();
        Optional<ServiceException> forged = WriteCheck.token(session, csrf);
        if (forged.isPresent()) {
            return Uni.createFrom().item(UiErrors.page(forged.get()));
        }
        return sessions.revoke(session.token()).map(ignored -> Response.seeOther(URI.create(DashboardSessions.SIGN_IN))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(overTls(request))).build());
    }

    /** The form again with the reason; no cookie is set. */
    private static Response refused(ServiceException refusal, String accessKeyId) {
        return UiErrors.page(refusal, Pages.signIn(refusal.getMessage(), accessKeyId == null ? "" : accessKeyId).render());
    }

    private boolean overTls(HttpServerRequest request) {
        return SessionCookie.overTls(request.isSSL(), request.getHeader("X-Forwarded-Proto"), config.trustForwardedProto());
    }
}
