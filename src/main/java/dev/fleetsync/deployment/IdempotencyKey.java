package dev.fleetsync.deployment;

/**
 * A client token with the call it came with: the operation and a fingerprint of its parameters (without the token).
 * The same token may only ever stand for the same call.
 */
public record IdempotencyKey(String token, String operation, String fingerprint) {

    public boolean sameCallAs(ClientToken stored) {
        return operation.equals(stored.operation) && fingerprint.equals(stored.fingerprint);
    }
}
