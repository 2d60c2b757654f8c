package dev.fleetsync.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are kept to the millisecond: the wire carries epoch seconds with three decimals, and round trips must be exact. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
