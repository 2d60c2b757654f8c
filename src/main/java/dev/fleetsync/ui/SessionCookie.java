package dev.fleetsync.ui;

import java.time.Duration;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), limited to the
 * dashboard's paths, and Secure whenever the browser reached us over TLS, so it is never sent in clear afterwards.
 */
final class SessionCookie {
    static final String NAME = "fleetsync-session";
    private static final String PATH = "/ui";

    private SessionCookie() {
    }

    /** The {@code Set-Cookie} value that stores {@code token} for {@code maxAge}. */
    static String set(String token, Duration maxAge, boolean secure) {
        return NAME + "=" + token + "; Path=" + PATH + "; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget the cookie. */
    static String clear(boolean secure) {
        return set("", Duration.ZERO, secure);
    }

    /**
     * Whether the request came over TLS: to us directly, or to the proxy in front when it is trusted to say so
     * ({@code fleetsync.ui.trust-forwarded-proto}); a client could send the header itself, so untrusted it counts for nothing.
     */
    static boolean overTls(boolean ssl, String forwardedProto, boolean trustForwardedProto) {
        return ssl || (trustForwardedProto && forwardedProto != null && "https".equalsIgnoreCase(forwardedProto.trim()));
    }
}
