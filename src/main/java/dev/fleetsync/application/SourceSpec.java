package dev.fleetsync.application;

import dev.fleetsync.common.Architecture;

/** A source bundle (SourceConfig) as a caller names it; any member may be missing until {@link ContentRules} has checked it. */
public record SourceSpec(String s3Bucket, String s3Key, Architecture architecture) {
}
