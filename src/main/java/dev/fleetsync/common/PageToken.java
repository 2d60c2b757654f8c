package dev.fleetsync.common;

import java.time.Instant;
import java.util.Optional;

/**
 * Keyset page cursor: the (createdAt in microseconds, arn) of the last item served, as text. The wire edge seals it
 * into the {@code nextToken} (api/http/PageTokens), so a cursor that reaches here was issued by us, to this account.
 * The key is the item's ARN, or its id for items that have none (a webhook subscription's {@code whs-...}).
 */
public record PageToken(Instant createdAt, String arn) {
    private static final String VERSION = "1";
    // Keeps a cursor inside the range PostgreSQL timestamps can hold.
    private static final long LATEST_MICROS = 253402300799999999L; // 9999-12-31T23:59:59.999999Z

    public String text() {
        return VERSION + "|" + Timestamps.toEpochMicros(createdAt) + "|" + arn;
    }

    /** Empty for no cursor; text that is no cursor of this kind is an InvalidParameterException naming {@code nextToken}. */
    public static Optional<PageToken> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", 3);
        try {
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isEmpty()) {
                long micros = Long.parseLong(parts[1]);
                if (micros >= 0 && micros <= LATEST_MICROS) {
                    return Optional.of(new PageToken(Timestamps.fromEpochMicros(micros), parts[2]));
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw ServiceException.invalid("The nextToken is not valid; pass the value returned by the previous call");
    }
}
