package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void noFailureMeansNoWait() {
        assertThat(backoff.after(0, () -> 0.5)).isZero();
    }

    @Test
    void theFirstFailureWaitsBetweenHalfTheBaseAndTheBase() {
        assertThat(backoff.after(1, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(1, () -> 0.999999)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void eachFailureDoublesTheCeiling() {
        assertThat(backoff.after(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(4)); // half of 8 s
    }

    @Test
    void aLongRunOfFailuresIsCappedAtTheMaximumWithoutOverflow() {
        assertThat(backoff.after(1_000, () -> 0.0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(63, () -> 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterStaysInsideTheWindowForFixedSeedDraws() {
        Random random = new Random(20261202L);
        for (int failures = 1; failures < 40; failures++) {
            Duration wait = backoff.after(failures, random::nextDouble);
            long ceiling = Math.min(600_000L, 1000L << Math.min(failures - 1, 30));
            assertThat(wait.toMillis()).as("failure %d", failures).isBetween(ceiling / 2, ceiling);
        }
    }
}
