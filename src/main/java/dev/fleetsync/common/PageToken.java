package dev.fleetsync.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Keyset page cursor: the (createdAt, arn) of the last item served, base64url-encoded so it fits the model's
 * PaginationToken pattern. Opaque to callers; every query that reads it is still scoped to the caller's account.
 */
public record PageToken(Instant createdAt, String arn) {
    private static final String VERSION = "1";

    public String encode() {
        String plain = VERSION + "|" + createdAt.toEpochMilli() + "|" + arn;
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
                return Optional.of(new PageToken(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ServiceException.invalid("The nextToken is not valid; pass the value returned by the previous call");
    }
}
