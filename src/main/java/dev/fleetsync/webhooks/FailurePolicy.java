package dev.fleetsync.webhooks;

import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * What a failed delivery does to its subscription: tried again after the back-off, or, at the {@code maxFailures}-th
 * consecutive failure, disabled with a reason that says how long it failed and how. Pure: time and randomness given.
 */
public record FailurePolicy(RetryBackoff backoff, int maxFailures) {

    /** What to do after a failure; {@code failures} counts it, {@code failingSince} is when the first of the run failed. */
    public sealed interface Decision permits Retry, Disable {
    }

    /** Try the same event again at {@code at}. */
    public record Retry(int failures, Instant failingSince, Instant at) implements Decision {
    }

    /** Stop delivering until an operator enables the subscription again. */
    public record Disable(int failures, Instant failingSince, String reason) implements Decision {
    }

    /**
     * @param failuresBefore consecutive failures before this one (0 when the last try succeeded)
     * @param failingSince   when the first of them happened, null when there was none
     * @param cause          this failure, as a receiver-facing phrase ("HTTP 503", "timed out after 10s")
     */
    public Decision after(int failuresBefore, Instant failingSince, Instant now, String cause, DoubleSupplier random) {
        int failures = Math.max(failuresBefore, 0) + 1;
        Instant since = failingSince == null || failuresBefore <= 0 ? now : failingSince;
        if (failures >= maxFailures) {
            return new Disable(failures, since, "Disabled after " + failures + " consecutive failed deliveries since " + since
                    + "; the last: " + cause + ". Enable it again with UpdateWebhookSubscription once the receiver answers 2xx");
        }
        return new Retry(failures, since, now.plus(backoff.after(failures, random)));
    }
}
