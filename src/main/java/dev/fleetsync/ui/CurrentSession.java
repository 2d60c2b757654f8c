package dev.fleetsync.ui;

import io.smallrye.common.vertx.ContextLocals;

/** The dashboard session of the request being served, kept in its Vert.x context as auth/CallerAccount keeps the caller. */
final class CurrentSession {
    private static final String KEY = "fleetsync.ui.session";

    private CurrentSession() {
    }

    static void set(DashboardSession session) {
        ContextLocals.put(KEY, session);
    }

    static DashboardSession get() {
        return ContextLocals.<DashboardSession>get(KEY)
                .orElseThrow(() -> new IllegalStateException("No dashboard session: only valid during a signed-in dashboard request"));
    }
}
