package dev.fleetsync.credential;

import java.time.Instant;

/** A credential just issued, with its secret: the only time the secret is shown. */
public record IssuedCredential(String accessKeyId, String secretAccessKey, String robotArn, Instant createdAt) {
    /** Never prints the secret. */
    @Override
    public String toString() {
        return "IssuedCredential[" + accessKeyId + ", robot " + robotArn + "]";
    }
}
