package dev.fleetsync.application;

import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * Keyset cursor of ListRobotApplications: the (application createdAt in microseconds, arn, version) of the last entry served, with
 * $LATEST as version 0 so it sorts before the numbered versions. The common PageToken has no version, which listing
 * with versionQualifier=ALL needs. Sealed into the nextToken by the wire edge, like PageToken.
 */
public record ApplicationCursor(Instant createdAt, String arn, int version) {
    private static final String FORMAT = "ra1";
    // Application timestamps are never before 1970; the upper bound keeps a forged cursor inside PostgreSQL's range.
    private static final long LATEST_MICROS = 253402300799999999L; // 9999-12-31T23:59:59.999999Z

    public String text() {
        return FORMAT + "|" + Timestamps.toEpochMicros(createdAt) + "|" + version + "|" + arn;
    }

    /** Empty for no cursor; text that is no cursor of this kind is an InvalidParameterException naming {@code nextToken}. */
    public static Optional<ApplicationCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            String[] parts = text.split("\\|", 4);
            if (parts.length == 4 && FORMAT.equals(parts[0]) && parts[3].startsWith("arn:")) {
                long micros = Long.parseLong(parts[1]);
                int version = Integer.parseInt(parts[2]);
                if (version >= 0 && micros >= 0 && micros <= LATEST_MICROS) {
                    return Optional.of(new ApplicationCursor(Timestamps.fromEpochMicros(micros), parts[3], version));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ServiceException.invalid("The nextToken is not valid; pass the value returned by the previous call");
    }
}
