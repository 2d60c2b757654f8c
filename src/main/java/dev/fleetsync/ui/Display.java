package dev.fleetsync.ui;

import dev.fleetsync.common.Arn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes values: resource names out of ARNs, times in UTC, estimates in words. */
final class Display {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Display() {
    }

    /** The name an ARN of {@code type/name/timestamp} or {@code type/id} carries; the ARN itself when it has none. */
    static String name(String arn) {
        return Arn.parse(arn).map(a -> {
            int slash = a.resourceId().indexOf('/');
            return slash < 0 ? a.resourceId() : a.resourceId().substring(0, slash);
        }).orElse(arn == null ? "" : arn);
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Seconds left as {@code 45 s}, {@code 3 min 20 s} or {@code 2 h 5 min}; empty when unknown. */
    static String estimate(Integer seconds) {
        if (seconds == null || seconds < 0) {
            return "";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }

    /** A reported fraction (0..100) as a whole percentage; null when nothing was reported. */
    static Integer percent(Float percentDone) {
        return percentDone == null ? null : Math.round(Math.max(0, Math.min(100, percentDone)));
    }
}
