package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request signing, principals and throttling, under the {@code fleetsync.auth.} prefix. */
@ConfigMapping(prefix = "fleetsync.auth")
public interface AuthConfig {

    /** Principals as {@code accessKeyId:secretKey:accountId} entries, comma-separated (e.g. from one environment variable). */
    Optional<List<String>> principals();

    /** File of further principals, one {@code accessKeyId:secretKey:accountId} a line ({@code #} comments); re-read when it changes. */
    Optional<Path> principalsFile();

    /** How often the principals file is checked for changes, so a rotated Kubernetes Secret takes effect without a restart. */
    @WithDefault("10S")
    Duration principalsFileCheckInterval();

    /** Largest difference between a request's X-Amz-Date and the server clock (the AWS value). */
    @WithDefault("15M")
    Duration maxClockSkew();

    /** SigV4 signing name of the service, the third part of the credential scope. */
    @WithDefault("robomaker")
    String signingName();

    /** Path prefixes served without a signature (Quarkus management endpoints, never the API). */
    @WithDefault("/q/")
    List<String> unsignedPathPrefixes();

    /** Key of the HMAC that seals page tokens; replicas must share it. Unset: a random key per process (tokens die with it). */
    Optional<String> pageTokenKey();

    /**
     * Server key that robot credentials' secrets are derived from (HMAC-SHA256 of the access key id), at least 32
     * characters; replicas must share it. Unset: no robot credential can be issued or used.
     */
    Optional<String> robotCredentialKey();

    /** Longest an instance trusts a robot credential it verified without reading it again, should a revocation notice be missed. */
    @WithDefault("5S")
    Duration robotCredentialCacheTtl();

    /** Per-account request rate limits. */
    Throttle throttle();

    interface Throttle {
        /** Requests per second an account may sustain (token-bucket refill rate), per service instance. */
        @WithDefault("50")
        double rate();

        /** Requests an account may send at once before the rate applies (token-bucket size). */
        @WithDefault("100")
        int burst();

        /** Overrides of rate and burst for single accounts, keyed by account id. */
        Map<String, Limit> accounts();
    }

    /**
     * Per-account rate limits of the robot protocol ({@code /agent/} paths), kept apart from the API's so that a large
     * fleet's polls and reports neither starve the API calls nor get throttled by them.
     */
    AgentThrottle agentThrottle();

    interface AgentThrottle {
        /** Robot-protocol requests per second an account may sustain, per instance: 10,000 robots polling every 20 s are 500. */
        @WithDefault("1000")
        double rate();

        /** Robot-protocol requests an account may send at once, e.g. when its robots reconnect after a restart. */
        @WithDefault("4000")
        int burst();

        /** Overrides of rate and burst for single accounts, keyed by account id. */
        Map<String, Limit> accounts();
    }

    interface Limit {
        /** Requests per second for this account. */
        double rate();

        /** Burst size for this account. */
        int burst();
    }
}
