package dev.fleetsync.common;

import java.util.ArrayList;
import java.util.List;

/**
 * An HQL statement and the result type it is run with: together they are the key of Hibernate's interpretation cache,
 * so {@link HqlWarmUp} can interpret it at start-up exactly as the call will look it up.
 */
public record Hql(String text, Class<?> resultType) {

    /** A bean that runs HQL declares every statement it can run, so that none is parsed on first use. */
    public interface Statements {
        List<Hql> statements();
    }

    /**
     * A statement with optional clauses (a filter given or not, a cursor or none): {@code head}, the clauses that are
     * on, in order, then {@code tail}. The same composition makes the call's text and every declared variant.
     */
    public static String variant(String head, List<String> clauses, String tail, boolean... on) {
        if (on.length != clauses.size()) {
            throw new IllegalArgumentException("one switch per clause");
        }
        StringBuilder text = new StringBuilder(head);
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                text.append(clauses.get(i));
            }
        }
        return text.append(tail).toString();
    }

    /** Every variant of {@link #variant}: 2^n statements for n optional clauses. */
    public static List<Hql> variants(String head, List<String> clauses, String tail, Class<?> resultType) {
        List<Hql> all = new ArrayList<>();
        for (int bits = 0; bits < 1 << clauses.size(); bits++) {
            boolean[] on = new boolean[clauses.size()];
            for (int i = 0; i < on.length; i++) {
                on[i] = (bits & 1 << i) != 0;
            }
            all.add(new Hql(variant(head, clauses, tail, on), resultType));
        }
        return all;
    }
}
