package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The operator dashboard at {@code /ui/} (docs/dashboard.md), under the {@code fleetsync.ui.} prefix. */
@ConfigMapping(prefix = "fleetsync.ui")
public interface UiConfig {

    /** How long a dashboard session lives without a request before it ends. */
    @WithDefault("30M")
    Duration sessionIdleTimeout();

    /** How long a dashboard session lives at most, however busy, before its operator signs in again. */
    @WithDefault("12H")
    Duration sessionMaxAge();

    /** Failed sign-ins an access key id, or a client address, may make within the window before further tries are refused. */
    @WithDefault("5")
    int signInFailures();

    /** The window failed sign-ins are counted in, per instance; a refused key or address may try again once it has passed. */
    @WithDefault("5M")
    Duration signInFailureWindow();

    /**
     * Whether {@code X-Forwarded-Proto: https} from the proxy in front counts as TLS, so the session cookie gets
     * {@code Secure}. Set it only when every request comes through a proxy that sets that header itself.
     */
    @WithDefault("false")
    boolean trustForwardedProto();
}
