package dev.fleetsync.auth;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The account the current request acts for: that of the principal whose SigV4 signature {@link SigV4Filter} verified.
 * Kept in the request's Vert.x context, which the resource and every continuation of its database work run on.
 */
@ApplicationScoped
public class CallerAccount {
    private static final String KEY = "fleetsync.caller";

    public String accountId() {
        return current().map(Principal::accountId)
                .orElseThrow(() -> new IllegalStateException("No verified caller: CallerAccount is only valid during a signed request"));
    }

    /** The verified principal of the request running on this thread, if any. */
    public static Optional<Principal> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.get(KEY);
    }

    static void set(Principal principal) {
        ContextLocals.put(KEY, principal);
    }
}
