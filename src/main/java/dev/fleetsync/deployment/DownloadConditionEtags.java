package dev.fleetsync.deployment;

import dev.fleetsync.application.BundleStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A download condition file given without an etag gets the one the bundle store holds when the job is created, so the
 * robot runs the script the caller saw. One given with an etag is kept as given: the caller pinned it.
 */
@ApplicationScoped
class DownloadConditionEtags {
    static final String MEMBER = "deploymentConfig.downloadConditionFile.key";
    private final BundleStore store;

    DownloadConditionEtags(BundleStore store) {
        this.store = store;
    }

    Uni<JobRequest> resolve(JobRequest request) {
        DownloadConditionFile condition = request.rollout() == null ? null : request.rollout().downloadConditionFile();
        if (condition == null || (condition.etag() != null && !condition.etag().isEmpty())) {
            return Uni.createFrom().item(request);
        }
        return store.etag(condition.bucket(), condition.key(), MEMBER)
                .map(etag -> request.withDownloadCondition(new DownloadConditionFile(condition.bucket(), condition.key(), etag)));
    }
}
