package dev.fleetsync.common;

import dev.fleetsync.auth.PageTokenSeal;
import java.time.Instant;
import java.util.Optional;

/**
 * Keyset page cursor: the (createdAt in microseconds, arn) of the last item served, sealed with an HMAC (see
 * {@link PageTokenSeal}) so that it fits the model's PaginationToken pattern, cannot be forged, and is refused from
 * another account.
 */
public record PageToken(Instant createdAt, String arn) {
    private static final String VERSION = "1";
    // Keeps a cursor inside the range PostgreSQL timestamps can hold.
    private static final long LATEST_MICROS = 253402300799999999L; // 9999-12-31T23:59:59.999999Z

    public String encode() {
        return PageTokenSeal.seal(VERSION + "|" + Timestamps.toEpochMicros(createdAt) + "|" + arn);
    }

    /** Empty for no token; a token we did not issue is an InvalidParameterException naming {@code nextToken}. */
    public static Optional<PageToken> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<String> plain = PageTokenSeal.open(token, PageToken::arnOf);
        if (plain.isPresent()) {
            String[] parts = plain.get().split("\\|", 3);
            try {
                if (parts.length == 3 && VERSION.equals(parts[0]) && parts[2].startsWith("arn:")) {
                    long micros = Long.parseLong(parts[1]);
                    if (micros >= 0 && micros <= LATEST_MICROS) {
                        return Optional.of(new PageToken(Timestamps.fromEpochMicros(micros), parts[2]));
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw ServiceException.invalid("The nextToken is not valid; pass the value returned by the previous call");
    }

    private static Optional<String> arnOf(String plain) {
        String[] parts = plain.split("\\|", 3);
        return parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
    }
}
