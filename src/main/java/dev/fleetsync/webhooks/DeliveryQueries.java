package dev.fleetsync.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The delivery loop's statements, each one statement and transaction on the pool (no session: the loop is no request).
 * Every write after the claim names the claim's lease token and requires the subscription still enabled, so a stale
 * instance or an operator's disabling wins over a delivery in flight.
 */
@ApplicationScoped
public class DeliveryQueries {
    // Due: enabled, behind its account's last event, not leased (or the lease expired) and not waiting out a back-off.
    // SKIP LOCKED: two instances claiming at once split the due subscriptions instead of waiting on each other.
    private static final String CLAIM = """
            with due as (
                select s.id from webhook_subscription s
                join event_sequence q on q.account_id = s.account_id and q.last_seq > s.delivered_seq
                where s.status = 'Enabled'
                  and (s.leased_until is null or s.leased_until < $1)
                  and (s.next_attempt_at is null or s.next_attempt_at <= $1)
                order by s.next_attempt_at nulls first, s.id
                limit $2
                for update of s skip locked
            )
            update webhook_subscription w set leased_until = $3, lease_token = $4, leased_by = $5
            from due where w.id = due.id
            returning w.id, w.account_id, w.url, w.event_types, w.secret, w.delivered_seq, w.failures, w.failing_since
            """;

    private static final String SUBSCRIBED = """
            select account_id, count(*) from webhook_subscription where status = 'Enabled' group by account_id
            """;

    private static final String ADVANCE = """
            update webhook_subscription set delivered_seq = $3, failures = 0, failing_since = null, next_attempt_at = null,
                leased_until = $4
            where id = $1 and lease_token = $2 and status = 'Enabled' and delivered_seq <= $3
            """;

    // Gives the lease back only when the account has nothing newer: an event committed since the last read keeps the
    // claim (no row), and the caller reads again instead of leaving it for the next sweep.
    private static final String RELEASE = """
            update webhook_subscription w set delivered_seq = $3, leased_until = null, lease_token = null
            where id = $1 and lease_token = $2 and delivered_seq <= $3
              and not exists (select 1 from event_sequence q where q.account_id = w.account_id and q.last_seq > $3)
            """;

    private static final String RETRY = """
            update webhook_subscription set failures = $3, failing_since = $4, next_attempt_at = $5,
                leased_until = null, lease_token = null
            where id = $1 and lease_token = $2 and status = 'Enabled'
            """;

    private static final String DISABLE = """
            update webhook_subscription set status = 'Disabled', disabled_reason = $3, failures = $4, failing_since = $5,
                next_attempt_at = null, leased_until = null, lease_token = null, updated_at = $6
            where id = $1 and lease_token = $2 and status = 'Enabled'
            """;

    /** This instance, as leased_by names it: the host (the pod's name in Kubernetes) and the process id. */
    private final String instance;
    private final Pool pool;

    public DeliveryQueries(Pool pool) {
        this.pool = pool;
        this.instance = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "localhost") + "/" + ProcessHandle.current().pid();
    }

    /** Claims up to {@code limit} due subscriptions, of any account, until {@code until}. */
    public Uni<List<Claim>> claim(Instant now, int limit, Instant until) {
        UUID token = UUID.randomUUID();
        return pool.preparedQuery(CLAIM).execute(Tuple.of(utc(now), limit, utc(until), token, instance))
                .map(rows -> claims(rows, token));
    }

    /** Accounts with enabled subscriptions, and how many each. */
    public Uni<Map<String, Integer>> subscribedAccounts() {
        return pool.query(SUBSCRIBED).execute().map(rows -> {
            Map<String, Integer> accounts = new HashMap<>();
            rows.forEach(row -> accounts.put(row.getString(0), row.getInteger(1)));
            return accounts;
        });
    }

    /** Delivered up to {@code seq}, failures forgotten, lease renewed; false when the claim is no longer this one's. */
    public Uni<Boolean> advance(Claim claim, long seq, Instant until) {
        return held(pool.preparedQuery(ADVANCE).execute(Tuple.of(claim.id(), claim.token(), seq, utc(until))));
    }

    /** Up to {@code seq} seen and the lease given back; false when there is more to deliver or the claim is lost. */
    public Uni<Boolean> release(Claim claim, long seq) {
        return held(pool.preparedQuery(RELEASE).execute(Tuple.of(claim.id(), claim.token(), seq)));
    }

    public Uni<Boolean> retry(Claim claim, FailurePolicy.Retry retry) {
        return held(pool.preparedQuery(RETRY).execute(Tuple.of(claim.id(), claim.token(), retry.failures(),
                utc(retry.failingSince()), utc(retry.at()))));
    }

    public Uni<Boolean> disable(Claim claim, FailurePolicy.Disable disable, Instant now) {
        return held(pool.preparedQuery(DISABLE).execute(Tuple.from(List.of(claim.id(), claim.token(), disable.reason(),
                disable.failures(), utc(disable.failingSince()), utc(now)))));
    }

    private static Uni<Boolean> held(Uni<RowSet<Row>> update) {
        return update.map(rows -> rows.rowCount() == 1);
    }

    private static List<Claim> claims(RowSet<Row> rows, UUID token) {
        List<Claim> claims = new ArrayList<>();
        for (Row row : rows) {
            OffsetDateTime since = row.getOffsetDateTime("failing_since");
            claims.add(new Claim(row.getString("id"), row.getString("account_id"), row.getString("url"),
                    WebhookRules.eventTypeList(row.getString("event_types")), row.getBuffer("secret").getBytes(),
                    row.getLong("delivered_seq"), row.getInteger("failures"), since == null ? null : since.toInstant(), token));
        }
        return claims;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
