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
            if (sqlState.equals(sqlStateOf(t))) {
                String name = t instanceof org.hibernate.exception.ConstraintViolationException cve ? cve.getConstraintName()
                        : t instanceof io.vertx.pgclient.PgException pg ? pg.getConstraint() : null;
                if (name != null) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** The SQLState one link of a failure's cause chain carries, wherever Hibernate Reactive or the client put it. */
    static String sqlStateOf(Throwable t) {
        return t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState()
                : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
    }
}
