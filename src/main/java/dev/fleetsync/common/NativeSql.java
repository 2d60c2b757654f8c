package dev.fleetsync.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;

/**
 * Runs native SQL in the caller's session (and transaction) as an update, whose row count is also what a select
 * returned: {@code select 1 ... for update} says whether the row exists and locks it. Instants are bound as UTC
 * offset date-times, which native statements bind most predictably.
 * <p>
 * Native selects are avoided on purpose. Hibernate Reactive (3.2) never reuses a native select's plan: the wrapper of
 * its result mapping has no equals(), so each call added one more plan under the same hash, the plan cache filled with
 * copies, and every lookup walked them all (a visible share of a Sync's CPU in the benchmark's profile; see
 * QueryPlanCacheTest). Native updates' plans and HQL's are reused, so rows are read with HQL and native statements run
 * here. A write whose RETURNING rows are wanted ({@link #rows}) goes to the session's connection itself, past
 * Hibernate's query plans altogether.
 */
public final class NativeSql {
    /** A {@code :name} parameter (group 1), not a {@code ::type} cast; comments and string literals are matched to be skipped. */
    private static final Pattern NAMED = Pattern.compile("--[^\\n]*|'(?:[^']|'')*'|(?<![:\\w]):([A-Za-z][A-Za-z0-9]*)");
    private static final Map<String, Named> PARSED = new ConcurrentHashMap<>();

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

    /**
     * The rows {@code sql} returns (a write's RETURNING, say), each as its columns, read in the caller's session and
     * transaction. Parameters are named as for {@link #run}; a collection stands for a list ({@code in (:from)}).
     */
    public static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        Named statement = PARSED.computeIfAbsent(sql, Named::parse);
        List<Object> values = new ArrayList<>();
        StringBuilder positional = new StringBuilder(statement.texts().get(0));
        for (int i = 0; i < statement.names().size(); i++) {
            String name = statement.names().get(i);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            Object value = parameters.get(name);
            String separator = "";
            for (Object one : value instanceof Collection<?> many ? many : List.of(value)) {
                values.add(one instanceof Instant instant ? utc(instant) : one);
                positional.append(separator).append('$').append(values.size());
                separator = ", ";
            }
            positional.append(statement.texts().get(i + 1));
        }
        return Panache.getSession().flatMap(session -> Uni.createFrom().completionStage(
                        () -> connection(session).select(positional.toString(), values.toArray())))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>();
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** A statement cut at its {@code :name} parameters, once per statement: the text around them, and their names in order. */
    private record Named(List<String> texts, List<String> names) {
        static Named parse(String sql) {
            List<String> texts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher named = NAMED.matcher(sql);
            int from = 0;
            while (named.find()) {
                if (named.group(1) == null) {
                    continue; // a comment or a string literal
                }
                texts.add(sql.substring(from, named.start()));
                names.add(named.group(1));
                from = named.end();
            }
            texts.add(sql.substring(from));
            return new Named(List.copyOf(texts), List.copyOf(names));
        }
    }

    private static org.hibernate.reactive.pool.ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("Not a Hibernate Reactive session: " + session.getClass().getName());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
