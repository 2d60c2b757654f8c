package dev.fleetsync.tag;

import dev.fleetsync.common.Hql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tags of any resource by ARN. Callers run inside a session (and a transaction for writes). */
@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<ResourceTag, ResourceTag.Key>, Hql.Statements {
    // Through the session, not Panache's list(String) and friends, so that HqlWarmUp interprets them at start-up: every
    // Describe and tag write runs one of them.
    private static final String OF_RESOURCE = "from ResourceTag where accountId = :account and resourceArn = :arn";
    private static final String OF_RESOURCES = "from ResourceTag where accountId = :account and resourceArn in :arns";
    private static final String COUNT = "select count(*) from ResourceTag where accountId = :account and resourceArn = :arn";
    private static final String COUNT_OTHERS = "select count(*) from ResourceTag "
            + "where accountId = :account and resourceArn = :arn and tagKey not in :keys";
    private static final String DELETE_KEYS = "delete from ResourceTag where accountId = :account and resourceArn = :arn and tagKey in :keys";
    private static final String DELETE_ALL = "delete from ResourceTag where accountId = :account and resourceArn = :arn";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(OF_RESOURCE, ResourceTag.class), new Hql(OF_RESOURCES, ResourceTag.class), new Hql(COUNT, Long.class),
                new Hql(COUNT_OTHERS, Long.class), new Hql(DELETE_KEYS, null), new Hql(DELETE_ALL, null));
    }

    public Uni<Map<String, String>> tagsOf(String accountId, String arn) {
        return getSession().chain(s -> s.createSelectionQuery(OF_RESOURCE, ResourceTag.class).setParameter("account", accountId)
                .setParameter("arn", arn).getResultList()).map(TagRepository::toMap);
    }

    /** Tags of many resources in one query, keyed by ARN; resources without tags are absent. */
    public Uni<Map<String, Map<String, String>>> tagsOf(String accountId, Collection<String> arns) {
        if (arns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(s -> s.createSelectionQuery(OF_RESOURCES, ResourceTag.class).setParameter("account", accountId)
                .setParameter("arns", arns).getResultList()).map(tags -> {
            Map<String, Map<String, String>> byArn = new HashMap<>();
            for (ResourceTag tag : tags) {
                byArn.computeIfAbsent(tag.resourceArn, k -> new TreeMap<>()).put(tag.tagKey, tag.tagValue);
            }
            return byArn;
        });
    }

    /** Adds or overwrites the given tags; tags not named are kept. */
    public Uni<Void> put(String accountId, String arn, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ResourceTag> rows = tags.entrySet().stream()
                .map(e -> new ResourceTag(accountId, arn, e.getKey(), e.getValue()))
                .toList();
        return remove(accountId, arn, tags.keySet()).chain(() -> persist(rows)).replaceWithVoid();
    }

    public Uni<Long> remove(String accountId, String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return getSession().chain(s -> s.createMutationQuery(DELETE_KEYS).setParameter("account", accountId).setParameter("arn", arn)
                .setParameter("keys", keys).executeUpdate()).map(Integer::longValue);
    }

    /**
     * How many tags the resource has besides the given keys: what it keeps when those are put. Counts without loading
     * entities, so a later {@link #put} of the same keys does not collide with managed instances in the session.
     */
    public Uni<Long> countOthers(String accountId, String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return getSession().chain(s -> s.createSelectionQuery(COUNT, Long.class).setParameter("account", accountId)
                    .setParameter("arn", arn).getSingleResult());
        }
        return getSession().chain(s -> s.createSelectionQuery(COUNT_OTHERS, Long.class).setParameter("account", accountId)
                .setParameter("arn", arn).setParameter("keys", keys).getSingleResult());
    }

    public Uni<Long> removeAll(String accountId, String arn) {
        return getSession().chain(s -> s.createMutationQuery(DELETE_ALL).setParameter("account", accountId).setParameter("arn", arn)
                .executeUpdate()).map(Integer::longValue);
    }

    private static Map<String, String> toMap(List<ResourceTag> tags) {
        Map<String, String> map = new TreeMap<>();
        tags.forEach(t -> map.put(t.tagKey, t.tagValue));
        return map;
    }
}
