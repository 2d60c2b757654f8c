package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How deployment jobs are moved forward, under the {@code fleetsync.rollout.} prefix. */
@ConfigMapping(prefix = "fleetsync.rollout")
public interface RolloutConfig {

    /** Whether this instance steps jobs at all (every instance may; they share the work through row locks). */
    @WithDefault("true")
    boolean enabled();

    /** How often each instance looks for active jobs to step. */
    @WithDefault("500ms")
    Duration period();

    /** Most jobs one instance steps per tick; each in a transaction of its own. */
    @WithDefault("20")
    int batchSize();

    /** How long a finished job (and with it its client token) is kept; RoboMaker deleted jobs after 90 days. */
    @WithDefault("90d")
    Duration jobRetention();

    /** How often each instance deletes expired jobs. */
    @WithDefault("1m")
    Duration expiryPeriod();

    /** Longest a robot's poll may be held open waiting for work (the protocol allows 0..20 s). */
    @WithDefault("20s")
    Duration maxPollWait();
}
