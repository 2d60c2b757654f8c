package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Durable events and their streams (docs/events.md), under the {@code fleetsync.events.} prefix. */
@ConfigMapping(prefix = "fleetsync.events")
public interface EventsConfig {

    /** How long an event is kept; older ones are deleted, and a stream resumed from before them starts after them. */
    @WithDefault("7d")
    Duration retention();

    /** How often each instance deletes expired events. */
    @WithDefault("10m")
    Duration retentionPeriod();

    /** Most events one delete statement removes; the retention repeats it until none is left. */
    @WithDefault("5000")
    int retentionBatch();

    /** Most events a stream reads per query. */
    @WithDefault("500")
    int readBatch();

    /** How often an idle stream sends an SSE comment, so proxies and clients know the connection is alive. */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * How often each instance numbers the events committed since (docs/events.md): an event reaches streams and
     * webhooks within about this time of its commit.
     */
    @WithDefault("100ms")
    Duration numberingPeriod();

    /** Most events one numbering statement numbers; a full run is followed by another at once. */
    @WithDefault("5000")
    int numberingBatch();
}
