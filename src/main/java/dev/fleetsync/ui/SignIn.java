package dev.fleetsync.ui;

import dev.fleetsync.auth.Principal;
import dev.fleetsync.auth.Principals;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.UiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Signs a browser in with an account principal's access key id and secret (auth/Principals; robot credentials are not
 * principals and cannot), once, and opens its session. The secret is compared in constant time and never logged or
 * kept. Failures are counted per access key id and per client address ({@link FailedSignIns}).
 */
@ApplicationScoped
public class SignIn {
    private final Principals principals;
    private final SessionStore sessions;
    private final Clock clock;
    private final FailedSignIns failures;

    public SignIn(Principals principals, SessionStore sessions, Clock clock, UiConfig config) {
        this.principals = principals;
        this.sessions = sessions;
        this.clock = clock;
        this.failures = new FailedSignIns(config.signInFailures(), config.signInFailureWindow());
    }

    /** The new session, or UnrecognizedClientException (wrong key or secret) or ThrottlingException (too many failures). */
    public Uni<DashboardSession> signIn(String accessKeyId, String secret, String clientAddress) {
        String keyId = accessKeyId == null ? "" : accessKeyId.trim();
        String keyBucket = "key:" + keyId;
        String addressBucket = "address:" + clientAddress;
        if (!failures.allows(keyBucket, clock.instant()) || !failures.allows(addressBucket, clock.instant())) {
            return Uni.createFrom().failure(ServiceError.THROTTLING.exception(
                    "Too many failed sign-ins for this access key id or from this address; wait a few minutes and try again"));
        }
        Optional<Principal> principal = principals.find(keyId).filter(p -> !p.isRobot() && matches(p.secretKey(), secret));
        if (principal.isEmpty()) {
            failures.fail(keyBucket, clock.instant());
            failures.fail(addressBucket, clock.instant());
            return Uni.createFrom().failure(ServiceError.UNRECOGNIZED_CLIENT.exception("The access key id or the secret access key is not right"));
        }
        return sessions.open(principal.get().accessKeyId(), principal.get().accountId());
    }

    /** The principal a session still stands for: a principal removed or moved to another account since ends its sessions. */
    public Optional<Principal> principalOf(DashboardSession session) {
        return principals.find(session.accessKeyId()).filter(p -> !p.isRobot() && p.accountId().equals(session.accountId()));
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Thrown nowhere else: the refusal a missing or ended session gets. */
    static ServiceException signInFirst() {
        return ServiceError.MISSING_AUTHENTICATION_TOKEN.exception("Sign in to the dashboard first (no session, or it has ended)");
    }
}
