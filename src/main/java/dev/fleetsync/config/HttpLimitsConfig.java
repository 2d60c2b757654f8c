package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the edge reads of a request before it is refused in the AWS error format, under {@code fleetsync.http.}.
 * Vert.x's own decoder limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * well above these: they only bound memory. What they refuse never reaches the router; {@code InvalidRequests} answers
 * it with the same AWS errors, naming these limits.
 */
@ConfigMapping(prefix = "fleetsync.http")
public interface HttpLimitsConfig {

    /** Longest request line (method, target and version), in bytes; longer is 414 RequestURITooLongException. */
    @WithDefault("8192")
    int maxRequestLineBytes();

    /** Most header fields in one request; more is 431 RequestHeaderFieldsTooLargeException. */
    @WithDefault("100")
    int maxHeaders();

    /** Most bytes of all header fields together (each counted as {@code name: value} and its line end); more is 431. */
    @WithDefault("16384")
    int maxHeaderBytes();
}
