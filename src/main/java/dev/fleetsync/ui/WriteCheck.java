package dev.fleetsync.ui;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery checks of a dashboard POST: the {@code Origin} header must name this service (browsers
 * send it on every POST), and a signed-in form must carry its session's synchronizer token. Either failing is
 * AccessDeniedException and nothing is read or changed.
 */
final class WriteCheck {
    private WriteCheck() {
    }

    /** The refusal of a POST whose Origin is not the host it was sent to, or empty. */
    static Optional<ServiceException> origin(String origin, String host) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return refuse("A dashboard form must be sent by the dashboard's own page (no Origin header)");
        }
        try {
            URI uri = URI.create(origin.trim());
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && host != null && uri.getRawAuthority() != null
                    && uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        return refuse("A dashboard form must be sent by the dashboard's own page (Origin " + origin + " is another site)");
    }

    /** The refusal of a form whose csrf token is not its session's, or empty; compared in constant time. */
    static Optional<ServiceException> token(DashboardSession session, String sent) {
        if (sent == null || sent.isEmpty()) {
            return refuse("The form's csrf token is missing; reload the page and try again");
        }
        boolean same = MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : refuse("The form's csrf token is not this session's; reload the page and try again");
    }

    private static Optional<ServiceException> refuse(String message) {
        return Optional.of(ServiceError.ACCESS_DENIED.exception(message));
    }
}
