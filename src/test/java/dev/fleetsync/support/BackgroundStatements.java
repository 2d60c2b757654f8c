package dev.fleetsync.support;

/**
 * What a test that counts a call's statements in pg_stat_statements leaves out: the counting itself, and what the
 * service runs on its own timers whatever the calls (the metrics' status counts, the webhook delivery's sweep, the
 * events' numbering).
 */
public final class BackgroundStatements {
    /** A condition on pg_stat_statements' {@code query}. */
    public static final String EXCLUDED = "query not ilike '%pg_stat_statements%' and query not ilike '%group by status%' "
            + "and query not ilike '%webhook_subscription%' and query not ilike '%event_number_committed%'";

    private BackgroundStatements() {
    }
}
