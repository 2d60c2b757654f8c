package dev.fleetsync.auth;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.AuthConfig;
import dev.fleetsync.config.FleetSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Decides whether a received request may proceed: signature, then what the credential may call, then the account's
 * rate. Records the verified caller. An access key id that is no configured principal may be a robot credential,
 * looked up (usually in memory) before the signature is checked; a robot credential may call only the robot protocol,
 * and {@link CallerAccount#robotAccount} keeps it to its own robot there.
 * Robot-protocol requests ({@code /agent/}) draw on a bucket of their own per account, not on the API's. They are
 * limited per account, not per robot: the robot is named only in the body, which the signer controls anyway, and
 * buckets keyed by a value the caller picks could be multiplied at will.
 */
@ApplicationScoped
public class RequestGate {
    static final String AGENT_PREFIX = "/agent/";
    static final String DASHBOARD_PATH = "/ui";
    /** The API's service model is public; only this exact path is, so no path can reach an operation through it. */
    static final String MODEL_PATH = "/model/robomaker-2018-06-29.json";
    private static final Logger LOG = Logger.getLogger(RequestGate.class);
    private final SignatureCheck check;
    private final Principals principals;
    private final RobotCredentials robots;
    private final AccountThrottle apiThrottle;
    private final AccountThrottle agentThrottle;
    private final AuthConfig auth;
    private final Clock clock;

    public RequestGate(Principals principals, RobotCredentials robots, AuthConfig auth, FleetSyncConfig config, Clock clock) {
        this.check = new SignatureCheck(config.region(), auth.signingName(), auth.maxClockSkew());
        this.principals = principals;
        this.robots = robots;
        this.apiThrottle = new AccountThrottle(auth.throttle().rate(), auth.throttle().burst(), auth.throttle().accounts(),
                System::nanoTime);
        this.agentThrottle = new AccountThrottle(auth.agentThrottle().rate(), auth.agentThrottle().burst(),
                auth.agentThrottle().accounts(), System::nanoTime);
        this.auth = auth;
        this.clock = clock;
    }

    /** A request target's path as sent, without its query: what every step of the edge decides on, never decoded. */
    public static String rawPath(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }

    public boolean needsSignature(String rawPath) {
        return !rawPath.equals(MODEL_PATH) && !isDashboard(rawPath)
                && auth.unsignedPathPrefixes().stream().noneMatch(rawPath::startsWith);
    }

    /**
     * The dashboard's own paths ({@code /ui} and below, with no segment that could route elsewhere): they authenticate
     * by session cookie instead ({@code ui/DashboardSessions}, which calls {@link #admitSession}); anything else under
     * {@code /ui} still needs a signature.
     */
    public static boolean isDashboard(String rawPath) {
        return rawPath.equals(DASHBOARD_PATH) || rawPath.equals(DASHBOARD_PATH + "/") || isUnder(DASHBOARD_PATH + "/", rawPath);
    }

    /**
     * Admits a dashboard request whose session named {@code principal}: draws on the account's API rate as a signed
     * call would and records the caller. Empty lets it through; otherwise the refusal.
     */
    public Optional<ServiceException> admitSession(Principal principal) {
        if (principal.isRobot()) {
            return Optional.of(ServiceError.ACCESS_DENIED.exception("A robot credential may not use the dashboard"));
        }
        if (!apiThrottle.allow(principal.accountId())) {
            return Optional.of(ServiceError.THROTTLING.exception("Rate exceeded"));
        }
        CallerAccount.set(principal);
        return Optional.empty();
    }

    /** Empty lets the request through (its caller recorded); otherwise the refusal to answer with, nothing changed. */
    public Uni<Optional<ServiceException>> admit(SigningInput input) {
        AuthorizationHeader auth;
        try {
            auth = SignatureCheck.authorizationOf(input);
        } catch (ServiceException refused) {
            return Uni.createFrom().item(Optional.of(refused)); // missing or malformed: nothing to look up
        }
        if (!isRobotKey(auth.accessKeyId())) {
            return Uni.createFrom().item(admit(input, auth, principals::find));
        }
        return robots.find(auth.accessKeyId())
                .map(robot -> admit(input, auth, id -> robot))
                .onFailure().recoverWithItem(e -> {
                    LOG.error("Could not look up a robot credential", e);
                    return Optional.of(ServiceError.SERVICE_UNAVAILABLE.exception("The request could not be authenticated now; retry it"));
                });
    }

    /** An access key id that is not a configured principal's but has a robot credential's form. */
    private boolean isRobotKey(String accessKeyId) {
        return RobotCredentialSecrets.isRobotKeyId(accessKeyId) && principals.find(accessKeyId).isEmpty();
    }

    private Optional<ServiceException> admit(SigningInput input, AuthorizationHeader auth, Function<String, Optional<Principal>> lookup) {
        try {
            Principal principal = check.verify(input, auth, clock.instant(), lookup);
            boolean robotProtocol = isRobotProtocol(input.rawPath());
            if (principal.isRobot() && !robotProtocol) {
                return Optional.of(ServiceError.ACCESS_DENIED.exception(
                        "A robot credential may only call the robot protocol (/agent/v1/poll, /agent/v1/report) for its own robot"));
            }
            AccountThrottle throttle = robotProtocol ? agentThrottle : apiThrottle;
            if (!throttle.allow(principal.accountId())) {
                return Optional.of(ServiceError.THROTTLING.exception("Rate exceeded"));
            }
            CallerAccount.set(principal);
            return Optional.empty();
        } catch (ServiceException refused) {
            return Optional.of(refused);
        }
    }

    /**
     * A path under {@code /agent/} with no segment that could make it route elsewhere ({@code ..}, {@code .}, empty,
     * percent-encoded): anything else counts as an API call.
     */
    static boolean isRobotProtocol(String rawPath) {
        return isUnder(AGENT_PREFIX, rawPath);
    }

    private static boolean isUnder(String prefix, String rawPath) {
        if (!rawPath.startsWith(prefix) || rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0) {
            return false;
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
