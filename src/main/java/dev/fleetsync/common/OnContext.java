package dev.fleetsync.common;

import io.vertx.core.Context;
import java.util.concurrent.Executor;

/**
 * Back on a Vert.x context, for {@code emitOn}: Hibernate Reactive's session and a response are bound to the request's
 * context, while the reactive pool, a timer or a LISTEN notification answer on another event loop.
 */
public final class OnContext {
    private OnContext() {
    }

    public static Executor of(Context context) {
        return task -> context.runOnContext(v -> task.run());
    }
}
