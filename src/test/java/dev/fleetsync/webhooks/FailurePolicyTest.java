package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a failed delivery does: named edge cases of FailurePolicy. */
class FailurePolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-12-02T09:30:00Z");
    private final FailurePolicy policy = new FailurePolicy(new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(1)), 4);

    @Test
    void theFirstFailureStartsTheRunAndRetriesAfterTheBaseBackoff() {
        var decision = policy.after(0, null, NOW, "HTTP 503", () -> 0.0);

        assertThat(decision).isEqualTo(new FailurePolicy.Retry(1, NOW, NOW.plusMillis(500)));
    }

    @Test
    void aLaterFailureKeepsWhenTheRunBeganAndDoublesTheWait() {
        var decision = policy.after(2, EARLIER, NOW, "HTTP 503", () -> 0.999);

        assertThat(decision).isInstanceOf(FailurePolicy.Retry.class);
        var retry = (FailurePolicy.Retry) decision;
        assertThat(retry.failures()).isEqualTo(3);
        assertThat(retry.failingSince()).isEqualTo(EARLIER);
        assertThat(Duration.between(NOW, retry.at())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aStaleFailingSinceWithoutFailuresIsIgnored() {
        var decision = (FailurePolicy.Retry) policy.after(0, EARLIER, NOW, "HTTP 500", () -> 0.5);

        assertThat(decision.failingSince()).isEqualTo(NOW);
        assertThat(decision.failures()).isEqualTo(1);
    }

    @Test
    void theMaxFailuresThFailureDisablesWithHowManySinceWhenAndTheLastCause() {
        var decision = policy.after(3, EARLIER, NOW, "no answer within 10s", () -> 0.5);

        assertThat(decision).isInstanceOf(FailurePolicy.Disable.class);
        var disable = (FailurePolicy.Disable) decision;
        assertThat(disable.failures()).isEqualTo(4);
        assertThat(disable.reason()).contains("4 consecutive failed deliveries since 2026-12-02T09:30:00Z")
                .contains("no answer within 10s").contains("UpdateWebhookSubscription");
    }

    @Test
    void aLimitOfOneDisablesAtTheFirstFailure() {
        var once = new FailurePolicy(new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(1)), 1);

        assertThat(once.after(0, null, NOW, "HTTP 410", () -> 0.5)).isInstanceOf(FailurePolicy.Disable.class);
    }
}
