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

    /** Microseconds since the epoch: PostgreSQL's own precision, so a page cursor matches stored rows exactly. */
    public static long toEpochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant fromEpochMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
