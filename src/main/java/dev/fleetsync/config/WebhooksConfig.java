package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Webhook subscriptions and their deliveries (docs/webhooks.md), under the {@code fleetsync.webhooks.} prefix. */
@ConfigMapping(prefix = "fleetsync.webhooks")
public interface WebhooksConfig {

    /** Most subscriptions an account may hold. */
    @WithDefault("10")
    int maxPerAccount();

    /**
     * Base64 of the 32-byte AES key that encrypts the signing secrets at rest. Unset: a random key per process, so
     * secrets stored by another process (or before a restart) cannot be read; set it in production.
     */
    Optional<String> secretKey();

    /** How long one delivery may take, to connect and between bytes of the answer; longer is a failure. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How long a claim on a subscription lasts without progress: another instance takes a dead one's subscriptions
     * over after it. Each delivered event renews it. At least three times {@link #timeout()}.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often each instance looks for due subscriptions (retries, dead instances' leases, missed notices). */
    @WithDefault("5s")
    Duration sweepPeriod();

    /** Most events read per query of a subscription's backlog. */
    @WithDefault("100")
    int batch();

    /** Most subscriptions one instance delivers to at once. */
    @WithDefault("16")
    int concurrency();

    /** The wait after the first failure of an event; doubled per further failure, with jitter. */
    @WithDefault("1s")
    Duration retryBase();

    /** The longest wait between two tries. */
    @WithDefault("1h")
    Duration retryMax();

    /**
     * Consecutive failed tries after which a subscription is disabled (with its reason) until it is enabled again. With
     * the defaults, 20 tries span about 5 to 9 hours, so a receiver's maintenance window does not disable it.
     */
    @WithDefault("20")
    int maxFailures();
}
