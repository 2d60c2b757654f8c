package dev.fleetsync.tag;

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
public class TagRepository implements PanacheRepositoryBase<ResourceTag, ResourceTag.Key> {

    public Uni<Map<String, String>> tagsOf(String accountId, String arn) {
        return list("accountId = ?1 and resourceArn = ?2", accountId, arn).map(TagRepository::toMap);
    }

    /** Tags of many resources in one query, keyed by ARN; resources without tags are absent. */
    public Uni<Map<String, Map<String, String>>> tagsOf(String accountId, Collection<String> arns) {
        if (arns.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("accountId = ?1 and resourceArn in ?2", accountId, arns).map(tags -> {
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
        return delete("accountId = ?1 and resourceArn = ?2 and tagKey in ?3", accountId, arn, keys);
    }

    /**
     * How many tags the resource has besides the given keys: what it keeps when those are put. Counts without loading
     * entities, so a later {@link #put} of the same keys does not collide with managed instances in the session.
     */
    public Uni<Long> countOthers(String accountId, String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return count("accountId = ?1 and resourceArn = ?2", accountId, arn);
        }
        return count("accountId = ?1 and resourceArn = ?2 and tagKey not in ?3", accountId, arn, keys);
    }

    public Uni<Long> removeAll(String accountId, String arn) {
        return delete("accountId = ?1 and resourceArn = ?2", accountId, arn);
    }

    private static Map<String, String> toMap(List<ResourceTag> tags) {
        Map<String, String> map = new TreeMap<>();
        tags.forEach(t -> map.put(t.tagKey, t.tagValue));
        return map;
    }
}
