package dev.fleetsync.webhooks;

import dev.fleetsync.common.NativeSql;
import dev.fleetsync.common.Page;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.config.WebhooksConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;

/**
 * Creating, reading, changing and deleting an account's webhook subscriptions. A new subscription delivers the events
 * recorded after it was created. Another account's subscription is reported exactly as a missing one.
 */
@ApplicationScoped
public class WebhookSubscriptionService {
    public static final int PAGE_LIMIT = 100;
    // one create per account at a time, so two concurrent ones cannot both pass the count; and the account's last event
    // number, the new subscription's cursor, read on the same connection (a second one, taken while every other create
    // of the account holds its own and waits on the lock, could exhaust the pool)
    private static final String LOCK_AND_LAST = """
            select pg_advisory_xact_lock(hashtext(:key)),
                   coalesce((select last_seq from event_sequence where account_id = :account), 0)
            """;

    private final WebhookSubscriptionRepository subscriptions;
    private final SecretBox secrets;
    private final WebhooksConfig config;
    private final Clock clock;
    private final WebhookDelivery delivery;
    private final SecureRandom random = new SecureRandom();

    public WebhookSubscriptionService(WebhookSubscriptionRepository subscriptions, SecretBox secrets,
            WebhooksConfig config, Clock clock, WebhookDelivery delivery) {
        this.delivery = delivery;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** The secret in the answer is the only copy ever shown. */
    @WithTransaction
    public Uni<CreatedSubscription> create(String accountId, String url, List<String> eventTypes) {
        String checkedUrl = WebhookRules.url(url);
        String types = WebhookRules.eventTypes(eventTypes);
        return NativeSql.rows(LOCK_AND_LAST, Map.of("key", "webhooks:" + accountId, "account", accountId))
                .map(rows -> ((Number) rows.get(0)[1]).longValue())
                .chain(last -> subscriptions.countOf(accountId).chain(count -> count >= config.maxPerAccount()
                        ? Uni.createFrom().failure(ServiceError.LIMIT_EXCEEDED.exception("The account already has "
                                + config.maxPerAccount() + " webhook subscriptions, the most it may hold; delete one first"))
                        : insert(accountId, checkedUrl, types, last)));
    }

    private Uni<CreatedSubscription> insert(String accountId, String url, String types, long last) {
        String secret = secrets.newSecret();
        WebhookSubscription s = new WebhookSubscription();
        byte[] id = new byte[12];
        random.nextBytes(id);
        s.id = "whs-" + HexFormat.of().formatHex(id);
        s.accountId = accountId;
        s.url = url;
        s.eventTypes = types;
        s.secret = secrets.seal(secret);
        s.status = WebhookSubscription.ENABLED;
        s.deliveredSeq = last;
        s.createdAt = Timestamps.now(clock);
        s.updatedAt = s.createdAt;
        return subscriptions.persist(s).invoke(() -> delivery.noteSubscribed(accountId)).map(saved -> new CreatedSubscription(saved, secret));
    }

    @WithSession
    public Uni<WebhookSubscription> describe(String accountId, String id) {
        return owned(accountId, id);
    }

    @WithSession
    public Uni<Page<WebhookSubscription>> list(String accountId, PageRequest page) {
        return subscriptions.page(accountId, page.after().map(t -> t.createdAt()).orElse(null),
                        page.after().map(t -> t.arn()).orElse(null), page.size() + 1)
                .map(found -> Page.of(found, page.size(), s -> s.createdAt, s -> s.id));
    }

    /** Changes what is given; {@code enabled=true} enables a disabled subscription again, with its failures forgotten. */
    @WithTransaction
    public Uni<WebhookSubscription> update(String accountId, String id, String url, List<String> eventTypes, Boolean enabled) {
        String checkedUrl = url == null ? null : WebhookRules.url(url);
        String types = eventTypes == null ? null : WebhookRules.eventTypes(eventTypes);
        return owned(accountId, id).map(s -> {
            if (checkedUrl != null) {
                s.url = checkedUrl;
            }
            if (types != null) {
                s.eventTypes = types;
            }
            if (Boolean.TRUE.equals(enabled)) {
                s.status = WebhookSubscription.ENABLED;
                s.disabledReason = null;
                s.failures = 0;
                s.failingSince = null;
                s.nextAttemptAt = null;
            } else if (Boolean.FALSE.equals(enabled)) {
                s.status = WebhookSubscription.DISABLED;
                s.disabledReason = "Disabled by UpdateWebhookSubscription";
            }
            s.updatedAt = Timestamps.now(clock);
            return s;
        });
    }

    @WithTransaction
    public Uni<Void> delete(String accountId, String id) {
        return owned(accountId, id).call(subscriptions::delete)
                .replaceWithVoid();
    }

    private Uni<WebhookSubscription> owned(String accountId, String id) {
        return subscriptions.owned(accountId, id).onItem().ifNull().failWith(() -> notFound(id));
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("Webhook subscription " + id + " does not exist");
    }

    /** A subscription just created, with its secret. */
    public record CreatedSubscription(WebhookSubscription subscription, String secret) {
        @Override
        public String toString() {
            return "CreatedSubscription[" + subscription.id + "]";
        }
    }
}
