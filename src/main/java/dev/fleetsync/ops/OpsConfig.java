package dev.fleetsync.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Operational settings, under {@code fleetsync.ops.}. */
@ConfigMapping(prefix = "fleetsync.ops")
public interface OpsConfig {

    Metrics metrics();

    interface Metrics {
        /**
         * How often the jobs-by-status and robots-by-status gauges are recounted from the database; 0 turns the
         * recount off (the tests do, so that statement-counting tests see only their own statements).
         */
        @WithDefault("15s")
        Duration refreshInterval();
    }
}
