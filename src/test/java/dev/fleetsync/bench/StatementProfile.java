package dev.fleetsync.bench;

/**
 * Where PostgreSQL's time goes in a measured phase (issue 16 point 5): pg_stat_statements, reset before the phase, read
 * after it, per call of the phase: executions, plannings (with track_planning on; a statement planned on every execution
 * is parsed and planned anew each time, a cached one settles on a generic plan), planning and execution time and WAL
 * bytes, statement by statement, so the service's statements can be set beside the raw SQL's.
 */
final class StatementProfile {
    private static final String PER_CALL = """
            select coalesce(string_agg(format('%%8s %%6s %%8s %%8s %%7s  %%s', round(calls::numeric / %1$s, 2), round(plans::numeric / %1$s, 2),
                       round((total_plan_time / %1$s)::numeric, 4), round((total_exec_time / %1$s)::numeric, 4),
                       round(wal_bytes::numeric / %1$s), left(regexp_replace(query, '\\s+', ' ', 'g'), 110)), E'\\n'
                       order by calls desc, total_exec_time desc), '')
            from pg_stat_statements where query not ilike '%%pg_stat_statements%%' and query not ilike '%%group by status%%'
              and query not ilike '%%webhook_subscription%%' and query not ilike '%%event_number_committed%%'
            """;

    private StatementProfile() {
    }

    static void reset(BenchSeed seed) {
        seed.execute("select pg_stat_statements_reset()");
    }

    /** Prints the statements since {@link #reset} per call of {@code calls}, headed by {@code phase}. */
    static void print(BenchSeed seed, String phase, long calls) {
        String rows = seed.text(String.format(java.util.Locale.ROOT, PER_CALL, Math.max(calls, 1)));
        System.out.println("BENCH statements per call, " + phase + "\n   calls  plans  plan ms  exec ms wal B  query\n" + rows);
    }
}
