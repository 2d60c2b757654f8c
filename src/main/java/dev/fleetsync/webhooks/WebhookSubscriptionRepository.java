package dev.fleetsync.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, String> {

    /** The subscription, if it is one of the account's: another account's is reported as missing. */
    public Uni<WebhookSubscription> owned(String accountId, String id) {
        return findById(id).map(found -> found != null && found.accountId.equals(accountId) ? found : null);
    }

    public Uni<Long> countOf(String accountId) {
        return count("accountId", accountId);
    }

    /** In creation order after the cursor, {@code size} at most. */
    public Uni<List<WebhookSubscription>> page(String accountId, Instant afterCreatedAt, String afterId, int size) {
        if (afterCreatedAt == null) {
            return find("accountId = ?1 order by createdAt, id", accountId).range(0, size - 1).list();
        }
        return find("accountId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id", accountId,
                afterCreatedAt, afterId).range(0, size - 1).list();
    }
}
