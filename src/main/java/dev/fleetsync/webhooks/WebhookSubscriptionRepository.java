package dev.fleetsync.webhooks;

import dev.fleetsync.common.Hql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, String>, Hql.Statements {
    // Through the session, not Panache's count(String) and find(String), so that HqlWarmUp interprets them at start-up.
    private static final String COUNT = "select count(*) from WebhookSubscription where accountId = :account";
    private static final String FIRST_PAGE = "from WebhookSubscription where accountId = :account order by createdAt, id";
    private static final String NEXT_PAGE = "from WebhookSubscription where accountId = :account"
            + " and (createdAt > :afterCreatedAt or (createdAt = :afterCreatedAt and id > :afterId)) order by createdAt, id";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(COUNT, Long.class), new Hql(FIRST_PAGE, WebhookSubscription.class),
                new Hql(NEXT_PAGE, WebhookSubscription.class));
    }

    /** The subscription, if it is one of the account's: another account's is reported as missing. */
    public Uni<WebhookSubscription> owned(String accountId, String id) {
        return findById(id).map(found -> found != null && found.accountId.equals(accountId) ? found : null);
    }

    public Uni<Long> countOf(String accountId) {
        return getSession().chain(s -> s.createSelectionQuery(COUNT, Long.class).setParameter("account", accountId).getSingleResult());
    }

    /** In creation order after the cursor, {@code size} at most. */
    public Uni<List<WebhookSubscription>> page(String accountId, Instant afterCreatedAt, String afterId, int size) {
        if (afterCreatedAt == null) {
            return getSession().chain(s -> s.createSelectionQuery(FIRST_PAGE, WebhookSubscription.class).setParameter("account", accountId)
                    .setMaxResults(size).getResultList());
        }
        return getSession().chain(s -> s.createSelectionQuery(NEXT_PAGE, WebhookSubscription.class).setParameter("account", accountId)
                .setParameter("afterCreatedAt", afterCreatedAt).setParameter("afterId", afterId).setMaxResults(size).getResultList());
    }
}
