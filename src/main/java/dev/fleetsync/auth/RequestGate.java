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

/**
 * Decides whether a received request may proceed: signature, then the account's rate. Records the verified caller.
 * Robot-protocol requests ({@code /agent/}) draw on a bucket of their own per account, not on the API's. They are
 * limited per account, not per robot: the robot is named only in the body, which the signer controls anyway, and
 * buckets keyed by a value the caller picks could be multiplied at will.
 */
@ApplicationScoped
public class RequestGate {
    static final String AGENT_PREFIX = "/agent/";
    /** The API's service model is public; only this exact path is, so no path can reach an operation through it. */
    static final String MODEL_PATH = "/model/robomaker-2018-06-29.json";
    private final SignatureCheck check;
    private final AccountThrottle apiThrottle;
    private final AccountThrottle agentThrottle;
    private final AuthConfig auth;
    private final FleetSyncConfig config;
    private final Clock clock;

    public RequestGate(Principals principals, AuthConfig auth, FleetSyncConfig config, Clock clock) {
        this.check = new SignatureCheck(principals::find, config.region(), auth.signingName(), auth.maxClockSkew());
        this.apiThrottle = new AccountThrottle(auth.throttle().rate(), auth.throttle().burst(), auth.throttle().accounts(),
                System::nanoTime);
        this.agentThrottle = new AccountThrottle(auth.agentThrottle().rate(), auth.agentThrottle().burst(),
                auth.agentThrottle().accounts(), System::nanoTime);
        this.auth = auth;
        this.config = config;
        this.clock = clock;
    }

    public boolean needsSignature(String rawPath) {
        return !rawPath.equals(MODEL_PATH) && auth.unsignedPathPrefixes().stream().noneMatch(rawPath::startsWith);
    }

    public int maxBodyBytes() {
        return config.maxRequestBytes();
    }

    /** Empty lets the request through (its caller recorded); otherwise the AWS error to answer with. */
    public Optional<Response> admit(SigningInput input) {
        try {
            Principal principal = check.verify(input, clock.instant());
            AccountThrottle throttle = isRobotProtocol(input.rawPath()) ? agentThrottle : apiThrottle;
            if (!throttle.allow(principal.accountId())) {
                return Optional.of(AwsErrors.render(ServiceError.THROTTLING, "Rate exceeded"));
            }
            CallerAccount.set(principal);
            return Optional.empty();
        } catch (ServiceException e) {
            return Optional.of(AwsErrors.render(e.error(), e.getMessage()));
        }
    }

    /**
     * A path under {@code /agent/} with no segment that could make it route elsewhere ({@code ..}, {@code .}, empty,
     * percent-encoded): anything else counts as an API call.
     */
    static boolean isRobotProtocol(String rawPath) {
        if (!rawPath.startsWith(AGENT_PREFIX) || rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0) {
            return false;
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public Response tooLarge() {
        return AwsErrors.render(ServiceError.REQUEST_TOO_LARGE, "Request body must be at most " + config.maxRequestBytes() + " bytes");
    }
}
