package dev.fleetsync.deployment.idempotency;

/**
 * A client token with the call it came with: the operation and a fingerprint of its parameters (without the token).
 * The same token may only ever stand for the same call.
 */
public record IdempotencyKey(String token, IdempotentOperation operation, String fingerprint) {

    /** @param parameters the call's parameters with its client token left out (a wire request with a null token) */
    public static IdempotencyKey of(String token, IdempotentOperation operation, Object parameters) {
        return new IdempotencyKey(token, operation, Fingerprints.of(operation.awsName(), parameters));
    }

    boolean sameCallAs(ClientToken stored) {
        return operation.awsName().equals(stored.operation) && fingerprint.equals(stored.fingerprint);
    }
}
