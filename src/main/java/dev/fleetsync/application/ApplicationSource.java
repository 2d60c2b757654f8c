package dev.fleetsync.application;

import dev.fleetsync.common.Architecture;

/** A stored source bundle: what the caller named plus the etag recorded for it (see {@link BundleStore}, {@link Etags}). */
public record ApplicationSource(String s3Bucket, String s3Key, String etag, Architecture architecture) {

    static ApplicationSource of(SourceSpec config, String etag) {
        return new ApplicationSource(config.s3Bucket(), config.s3Key(), etag, config.architecture());
    }
}
