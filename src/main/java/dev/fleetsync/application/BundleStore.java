package dev.fleetsync.application;

import io.smallrye.mutiny.Uni;

/**
 * Where source bundles live, as far as the service needs to know: the ETag of an object. Implementations never block
 * the calling (event-loop) thread.
 */
public interface BundleStore {

    /**
     * The ETag of {@code bucket/key} without its quotes, or a failed Uni with an InvalidParameterException naming
     * {@code member} (e.g. {@code sources[0].s3Key}) when the object is missing or the store refuses to say.
     */
    Uni<String> etag(String bucket, String key, String member);
}
