package dev.fleetsync.deployment.idempotency;

/** The service's token read, for the benchmark's raw SQL to send the very same statement; the service keeps it private to its package. */
public final class TokenStatements {
    public static final String TOKEN_WITH_JOB = ClientTokenRepository.TOKEN_WITH_JOB;

    private TokenStatements() {
    }
}
