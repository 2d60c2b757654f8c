package dev.fleetsync.ui;

import dev.fleetsync.config.UiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * Dashboard sessions in PostgreSQL, so every replica knows them. Tokens are 256 random bits; the table holds only
 * their SHA-256. A session is resumed by one statement that also records the request, so an idle or too old session
 * cannot be revived by a race.
 */
@ApplicationScoped
public class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final Clock clock;
    private final UiConfig config;

    public SessionStore(Pool pool, Clock clock, UiConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** A new session for the principal; the sessions that have ended are deleted on the way. */
    public Uni<DashboardSession> open(String accessKeyId, String accountId) {
        DashboardSession session = new DashboardSession(randomToken(), accessKeyId, accountId, randomToken());
        OffsetDateTime now = now();
        return pool.preparedQuery("delete from ui_session where last_seen_at < $1 or created_at < $2")
                .execute(Tuple.of(now.minus(config.sessionIdleTimeout()), now.minus(config.sessionMaxAge())))
                .chain(() -> pool.preparedQuery("""
                        insert into ui_session (token_hash, access_key_id, account_id, csrf_token, created_at, last_seen_at)
                        values ($1, $2, $3, $4, $5, $5)
                        """).execute(Tuple.of(hash(session.token()), accessKeyId, accountId, session.csrfToken(), now)))
                .replaceWith(session);
    }

    /** The live session the token names, its idle time restarted; empty when there is none (unknown, ended, revoked). */
    public Uni<Optional<DashboardSession>> resume(String token) {
        OffsetDateTime now = now();
        return pool.preparedQuery("""
                        update ui_session set last_seen_at = $2
                        where token_hash = $1 and last_seen_at >= $3 and created_at >= $4
                        returning access_key_id, account_id, csrf_token
                        """)
                .execute(Tuple.of(hash(token), now, now.minus(config.sessionIdleTimeout()), now.minus(config.sessionMaxAge())))
                .map(rows -> {
                    var found = rows.iterator();
                    if (!found.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = found.next();
                    return Optional.of(new DashboardSession(token, row.getString(0), row.getString(1), row.getString(2)));
                });
    }

    /**
     * Whether the session is still live, without restarting its idle time: a held event stream asks this at each
     * heartbeat and ends when it is not, and watching alone does not keep a session alive.
     */
    public Uni<Boolean> isLive(String token) {
        OffsetDateTime now = now();
        return pool.preparedQuery("select 1 from ui_session where token_hash = $1 and last_seen_at >= $2 and created_at >= $3")
                .execute(Tuple.of(hash(token), now.minus(config.sessionIdleTimeout()), now.minus(config.sessionMaxAge())))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Ends the session at once (sign-out); ending an ended one is harmless. */
    public Uni<Void> revoke(String token) {
        return pool.preparedQuery("delete from ui_session where token_hash = $1").execute(Tuple.of(hash(token))).replaceWithVoid();
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
