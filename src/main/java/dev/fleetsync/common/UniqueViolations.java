package dev.fleetsync.common;

import java.util.Optional;

/**
 * Finds the name of the unique or foreign-key constraint a failed write broke, wherever Hibernate Reactive or the
 * PostgreSQL client wrapped it. Errors are mapped by constraint name, never by message text.
 */
public final class UniqueViolations {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private UniqueViolations() {
    }

    public static Optional<String> constraint(Throwable failure, String sqlState) {
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

    public static boolean isUnique(Throwable failure, String constraintName) {
        return constraint(failure, UNIQUE_VIOLATION).filter(constraintName::equalsIgnoreCase).isPresent();
    }

    public static boolean isForeignKey(Throwable failure, String constraintName) {
        return constraint(failure, FOREIGN_KEY_VIOLATION).filter(constraintName::equalsIgnoreCase).isPresent();
    }
}
