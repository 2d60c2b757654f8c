package dev.fleetsync.common;

import java.util.Optional;

/**
 * Finds the name of the unique or foreign-key constraint a failed write broke, wherever Hibernate Reactive or the
 * PostgreSQL client wrapped it. Errors are mapped by constraint name, never by message text.
 */
final class ConstraintViolations {
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private ConstraintViolations() {
    }

    /** The broken constraint's name, when the failure is a violation of the given SQLState. */
    static Optional<String> constraint(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && sqlState.equals(cve.getSQLState()) && cve.getConstraintName() != null) {
                return Optional.of(cve.getConstraintName());
            }
            if (t instanceof io.vertx.pgclient.PgException pg && sqlState.equals(pg.getSqlState()) && pg.getConstraint() != null) {
                return Optional.of(pg.getConstraint());
            }
        }
        return Optional.empty();
    }
}
