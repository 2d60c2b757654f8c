package dev.fleetsync.common;

/**
 * A transaction PostgreSQL rolled back because it lost a race with another one, a deadlock (40P01) or a serialization
 * failure (40001), not because of what it did: run again in a fresh transaction, it normally succeeds.
 */
public final class LostRace {
    static final String DEADLOCK = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    private LostRace() {
    }

    /** Whether the failure, wherever Hibernate Reactive or the PostgreSQL client wrapped it, is such a loss. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = ConstraintViolations.sqlStateOf(t);
            if (DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
                return true;
            }
        }
        return false;
    }
}
