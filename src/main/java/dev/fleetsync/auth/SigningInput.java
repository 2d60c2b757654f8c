package dev.fleetsync.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A received request as SigV4 sees it: the path and query exactly as sent, the headers (names lower-case) and the body bytes.
 */
public record SigningInput(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
