package dev.fleetsync.auth;

import dev.fleetsync.api.http.AwsErrors;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.AuthConfig;
import dev.fleetsync.config.FleetSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;

/** Decides whether a received request may proceed: signature, then the account's rate. Records the verified caller. */
@ApplicationScoped
public class RequestGate {
    private final SignatureCheck check;
    private final AccountThrottle throttle;
    private final AuthConfig auth;
    private final FleetSyncConfig config;
    private final Clock clock;

    public RequestGate(Principals principals, AccountThrottle throttle, AuthConfig auth, FleetSyncConfig config, Clock clock) {
        this.check = new SignatureCheck(principals::find, config.region(), auth.signingName(), auth.maxClockSkew());
        this.throttle = throttle;
        this.auth = auth;
        this.config = config;
        this.clock = clock;
    }

    public boolean needsSignature(String rawPath) {
        return auth.unsignedPathPrefixes().stream().noneMatch(rawPath::startsWith);
    }

    public int maxBodyBytes() {
        return config.maxRequestBytes();
    }

    /** Empty lets the request through (its caller recorded); otherwise the AWS error to answer with. */
    public Optional<Response> admit(SigningInput input) {
        try {
            Principal principal = check.verify(input, clock.instant());
            if (!throttle.allow(principal.accountId())) {
                return Optional.of(AwsErrors.render(ServiceError.THROTTLING, "Rate exceeded"));
            }
            CallerAccount.set(principal);
            return Optional.empty();
        } catch (ServiceException e) {
            return Optional.of(AwsErrors.render(e.error(), e.getMessage()));
        }
    }

    public Response tooLarge() {
        return AwsErrors.render(ServiceError.REQUEST_TOO_LARGE, "Request body must be at most " + config.maxRequestBytes() + " bytes");
    }
}
