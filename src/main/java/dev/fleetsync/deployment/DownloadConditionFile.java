package dev.fleetsync.deployment;

/** The S3 object a robot runs before downloading, to decide whether to go ahead. */
public record DownloadConditionFile(String bucket, String key, String etag) {
}
