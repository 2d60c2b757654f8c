package dev.fleetsync.common;

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
}
