package dev.fleetsync.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures {@link Writes} runs again in a fresh transaction. */
class WritesTest {

    @Test
    void aLostDeadlockIsRunAgainWhereverItIsWrapped() {
        assertThat(Writes.retryable(new CompletionException(new PgException("deadlock detected", "ERROR", "40P01", null)))).isTrue();
    }

    @Test
    void aLostSerializationRaceIsRunAgain() {
        assertThat(Writes.retryable(new PgException("could not serialize access", "ERROR", "40001", null))).isTrue();
    }

    @Test
    void aDeadlockAsHibernateReportsItIsRunAgain() {
        assertThat(Writes.retryable(new RuntimeException(new java.sql.SQLException("ERROR: deadlock detected (40P01)", "40P01")))).isTrue();
    }

    @Test
    void anyOtherDatabaseErrorIsNot() {
        assertThat(Writes.retryable(new PgException("lock timeout", "ERROR", "55P03", null))).isFalse();
        assertThat(Writes.retryable(new IllegalStateException("40P01"))).isFalse();
    }
}
