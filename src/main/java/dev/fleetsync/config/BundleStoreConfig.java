package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The S3 (or S3-compatible) store holding robot application bundles, under the {@code fleetsync.bundle-store.} prefix.
 * fleetsync only HEADs objects there, to record their real ETags; without an endpoint it records placeholders.
 */
@ConfigMapping(prefix = "fleetsync.bundle-store")
public interface BundleStoreConfig {

    /** Base URL of the store, e.g. {@code https://s3.us-west-2.amazonaws.com}. Unset: no store, placeholder etags. */
    Optional<URI> endpoint();

    /** Region S3 requests are signed for. */
    @WithDefault("us-east-1")
    String region();

    /** Path-style addressing ({@code endpoint/bucket/key}) instead of virtual-hosted ({@code bucket.host/key}). */
    @WithDefault("false")
    boolean pathStyle();

    /** Access key id of the credential S3 requests are signed with. Unset: requests are sent unsigned (a public bucket). */
    Optional<String> accessKeyId();

    /** Secret key of that credential. */
    Optional<String> secretAccessKey();

    /** Longest one HEAD may take, connecting included. */
    @WithDefault("10s")
    Duration timeout();
}
