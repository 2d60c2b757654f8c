package dev.fleetsync.ui;

import java.util.UUID;

/**
 * The client token a Sync form carries, made when the page is rendered: sending the same form twice (a double click,
 * a resubmitted page) is one SyncDeploymentJob, as the idempotency of the API makes it.
 */
final class ClientTokens {
    private ClientTokens() {
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }
}
