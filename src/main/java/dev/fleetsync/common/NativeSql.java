package dev.fleetsync.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runs native SQL in the caller's session (and transaction) as an update, whose row count is also what a select
 * returned: {@code select 1 ... for update} says whether the row exists and locks it. Instants are bound as UTC
 * offset date-times, which native statements bind most predictably.
 * <p>
 * Native selects are avoided on purpose. Hibernate Reactive (3.2) never reuses a native select's plan: the wrapper of
 * its result mapping has no equals(), so each call added one more plan under the same hash, the plan cache filled with
 * copies, and every lookup walked them all (a visible share of a Sync's CPU in the benchmark's profile; see
 * QueryPlanCacheTest). Native updates' plans and HQL's are reused, so rows are read with HQL and native statements run
 * here.
 */
public final class NativeSql {
    private NativeSql() {
    }

    /** The rows {@code sql} changed, or returned when it is a select. */
    public static Uni<Integer> run(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach((name, value) -> query.setParameter(name, value instanceof Instant instant ? utc(instant) : value));
            return query.executeUpdate();
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
