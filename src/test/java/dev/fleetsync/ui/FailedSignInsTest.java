package dev.fleetsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T04:00:00Z");
    private final FailedSignIns failures = new FailedSignIns(3, Duration.ofMinutes(5));

    @Test
    void aKeyWithNoFailuresMayTry() {
        assertThat(failures.allows("key:A", T0)).isTrue();
    }

    @Test
    void oneFailureBelowTheLimitStillMayTry() {
        failures.fail("key:A", T0);
        failures.fail("key:A", T0.plusSeconds(1));

        assertThat(failures.allows("key:A", T0.plusSeconds(2))).isTrue();
    }

    @Test
    void exactlyAtTheLimitIsRefused() {
        for (int i = 0; i < 3; i++) {
            failures.fail("key:A", T0.plusSeconds(i));
        }

        assertThat(failures.allows("key:A", T0.plusSeconds(3))).isFalse();
    }

    @Test
    void otherKeysAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            failures.fail("key:A", T0);
        }

        assertThat(failures.allows("key:B", T0)).isTrue();
    }

    @Test
    void aFailureExactlyAWindowOldNoLongerCounts() {
        for (int i = 0; i < 3; i++) {
            failures.fail("key:A", T0);
        }

        assertThat(failures.allows("key:A", T0.plus(Duration.ofMinutes(5)).minusMillis(1))).isFalse();
        assertThat(failures.allows("key:A", T0.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void failuresSpreadOverMoreThanAWindowNeverReachTheLimit() {
        for (int i = 0; i < 10; i++) {
            failures.fail("key:A", T0.plus(Duration.ofMinutes(3L * i)));
        }

        assertThat(failures.allows("key:A", T0.plus(Duration.ofMinutes(27)).plusSeconds(1))).isTrue();
    }
}
