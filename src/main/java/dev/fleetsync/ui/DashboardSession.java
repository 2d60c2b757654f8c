package dev.fleetsync.ui;

/**
 * A signed-in browser: the principal it signed in as, its account, and the synchronizer token its forms carry.
 * {@code token} is the cookie's value, known only while the request that holds it runs; never logged.
 */
public record DashboardSession(String token, String accessKeyId, String accountId, String csrfToken) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "DashboardSession[" + accessKeyId + ", account " + accountId + "]";
    }
}
