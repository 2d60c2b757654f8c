package dev.fleetsync.events;

import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.auth.Principal;
import dev.fleetsync.common.NativeSql;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * The write side of events. Events are appended by the schema itself (migration V8): triggers on the changed tables
 * insert them in the changing statement, set-based, so no service appends one and none can be forgotten. What the
 * schema cannot know is who called: a caller's transaction names it here, first thing, and its events carry it; a
 * transaction that names nobody (the rollout stepper) records "system".
 */
public final class EventLog {
    /** The transaction-local setting the triggers read the actor from. */
    public static final String ACTOR_SETTING = "fleetsync.actor";

    /** The actor of a system change: no caller. */
    public static final String SYSTEM = "system";

    private static final String ATTRIBUTE = "select set_config('" + ACTOR_SETTING + "', :actor, true)";

    private EventLog() {
    }

    /**
     * Makes the current request's caller the actor of every event its transaction records: one statement, in the
     * caller's transaction. Without a signed caller nothing is named, and the events say "system".
     */
    public static Uni<Void> attributeToCaller() {
        String actor = actorOfCaller();
        return actor.equals(SYSTEM) ? Uni.createFrom().voidItem()
                : NativeSql.run(ATTRIBUTE, Map.of("actor", actor)).replaceWithVoid();
    }

    /**
     * The actor of the current request, for a statement that names it itself (folded into the statement as
     * {@code set_config('fleetsync.actor', :actor, true)}, saving the statement of {@link #attributeToCaller()}).
     */
    public static String actorOfCaller() {
        return CallerAccount.current().map(EventLog::actor).orElse(SYSTEM);
    }

    /** A robot credential acts as its robot; an account principal as its access key id (never its secret). */
    static String actor(Principal principal) {
        return principal.isRobot() ? principal.robotArn() : principal.accessKeyId();
    }
}
