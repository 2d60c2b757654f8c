package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
