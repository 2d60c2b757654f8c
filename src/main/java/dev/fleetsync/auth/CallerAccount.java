package dev.fleetsync.auth;

import dev.fleetsync.common.Arn;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The account the current request acts for: that of the principal whose SigV4 signature {@link dev.fleetsync.api.http.SignedRequests} verified.
 * Kept in the request's Vert.x context, which the resource and every continuation of its database work run on.
 */
@ApplicationScoped
public class CallerAccount {
    private static final String KEY = "fleetsync.caller";

    /**
     * The account an account principal acts for. A robot credential never gets here past {@link RequestGate}; should an
     * endpoint under {@code /agent/} ask this instead of {@link #robotAccount}, it is refused rather than let act for
     * the whole account.
     */
    public String accountId() {
        Principal principal = verified();
        if (principal.isRobot()) {
            throw ServiceError.ACCESS_DENIED.exception("A robot credential may only poll and report for robot " + principal.robotArn());
        }
        return principal.accountId();
    }

    /**
     * The account a robot-protocol call for {@code robotArn} acts for. Every robot-protocol endpoint asks this, before
     * anything is read or changed: a robot credential may name only its own robot (another of its account's is
     * AccessDeniedException, another account's does not exist for it); an account principal may name any.
     */
    public String robotAccount(String robotArn) {
        Principal principal = verified();
        if (principal.isRobot() && !principal.robotArn().equals(robotArn)) {
            boolean sameAccount = Arn.parse(robotArn).map(Arn::accountId).filter(principal.accountId()::equals).isPresent();
            throw sameAccount
                    ? ServiceError.ACCESS_DENIED.exception("This robot credential may only poll and report for robot " + principal.robotArn())
                    : ServiceException.notFound("Robot " + robotArn + " does not exist");
        }
        return principal.accountId();
    }

    /** The verified principal of this request. */
    public Principal principal() {
        return verified();
    }

    /** The verified principal of the request running on this thread, if any. */
    public static Optional<Principal> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.get(KEY);
    }

    private static Principal verified() {
        return current().orElseThrow(() -> new IllegalStateException("No verified caller: CallerAccount is only valid during a signed request"));
    }

    static void set(Principal principal) {
        ContextLocals.put(KEY, principal);
    }
}
