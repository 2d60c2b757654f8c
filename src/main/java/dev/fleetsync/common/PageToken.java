package dev.fleetsync.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Keyset page cursor: the (createdAt in microseconds, arn) of the last item served, base64url-encoded so it fits the model's
 * PaginationToken pattern. Opaque to callers; every query that reads it is still scoped to the caller's account.
 */
public record PageToken(Instant createdAt, String arn) {
    private static final String VERSION = "1";
    // Keeps a forged cursor inside the range PostgreSQL timestamps can hold.
    private static final long LATEST_MICROS = 253402300799999999L; // 9999-12-31T23:59:59.999999Z

    public String encode() {
        String plain = VERSION + "|" + Timestamps.toEpochMicros(createdAt) + "|" + arn;
        return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for no token; a token we did not issue is an InvalidParameterException naming {@code nextToken}. */
    public static Optional<PageToken> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length == 3 && VERSION.equals(parts[0]) && parts[2].startsWith("arn:")) {
                long micros = Long.parseLong(parts[1]);
                if (micros >= 0 && micros <= LATEST_MICROS) {
                    return Optional.of(new PageToken(Timestamps.fromEpochMicros(micros), parts[2]));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ServiceException.invalid("The nextToken is not valid; pass the value returned by the previous call");
    }
}
