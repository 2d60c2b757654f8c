package dev.fleetsync.tag;

import dev.fleetsync.common.Validation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource on any taggable resource of the caller's account. */
@ApplicationScoped
public class TagService {
    /** The model's TagMap bound, applied to what a resource holds after a merge, not only to one request. */
    public static final int MAX_TAGS_PER_RESOURCE = 50;

    private final TaggableResources resources;
    private final TagRepository tags;

    public TagService(TaggableResources resources, TagRepository tags) {
        this.resources = resources;
        this.tags = tags;
    }

    /** Adds the tags, overwriting values of keys the resource already has; refused whole if the merge would exceed the cap. */
    @WithTransaction
    public Uni<Void> tag(String accountId, String arn, Map<String, String> added) {
        return resources.lock(accountId, arn)
                .chain(() -> tags.countOthers(accountId, arn, added.keySet()))
                .chain(kept -> {
                    long total = kept + added.size();
                    if (total > MAX_TAGS_PER_RESOURCE) {
                        return Uni.createFrom().failure(Validation.invalidMember("tags", "a resource can have at most "
                                + MAX_TAGS_PER_RESOURCE + " tags, and " + arn + " would have " + total));
                    }
                    return tags.put(accountId, arn, added);
                });
    }

    /** Removes the named tags; keys the resource does not have are ignored. */
    @WithTransaction
    public Uni<Void> untag(String accountId, String arn, Collection<String> keys) {
        return resources.lock(accountId, arn).chain(() -> tags.remove(accountId, arn, keys)).replaceWithVoid();
    }

    @WithSession
    public Uni<Map<String, String>> tagsOf(String accountId, String arn) {
        return resources.require(accountId, arn).chain(() -> tags.tagsOf(accountId, arn));
    }
}
