package dev.fleetsync.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * The one way a service runs a write whose constraints carry meaning. Violations surface when the transaction commits,
 * so they are mapped here, around the transaction, by {@link Constraint}'s table.
 */
public final class Writes {
    /** How often a write that broke a retryable constraint runs again before its error is answered. */
    static final int RETRIES = 3;

    private Writes() {
    }

    /**
     * Runs {@code work} in a transaction of its own, again (fresh) after a retryable violation or a lost deadlock or
     * serialization race ({@link LostRace}), and answers a violation of the table with its error about {@code subject}
     * (the name, id or ARN the call was about). Running again is safe: the failed attempt rolled back, and {@code work}
     * does nothing outside its transaction (what must follow the commit goes after this call).
     */
    public static <T> Uni<T> inTransaction(String subject, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(Writes::retryable).retry().atMost(RETRIES)
                .onFailure().transform(failure -> Constraint.translate(failure, subject));
    }

    static boolean retryable(Throwable failure) {
        return LostRace.is(failure) || Constraint.brokenBy(failure).filter(Constraint::retryable).isPresent();
    }
}
