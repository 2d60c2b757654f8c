package dev.fleetsync.auth;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20240101/us-west-2/robomaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex}.
 */
public record AuthorizationHeader(String accessKeyId, String scopeDate, String region, String service, String terminator,
        List<String> signedHeaders, String signature) {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    /** @throws ServiceException InvalidSignatureException saying what is malformed */
    public static AuthorizationHeader parse(String header) {
        String text = header.trim();
        if (!text.startsWith(ALGORITHM + " ")) {
            throw invalid("Only the " + ALGORITHM + " signing algorithm is supported");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : text.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = required(parts, "Credential");
        String signedHeaders = required(parts, "SignedHeaders");
        String signature = required(parts, "Signature");
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || Arrays.stream(scope).anyMatch(String::isEmpty)) {
            throw invalid("Credential must be accessKeyId/date/region/service/aws4_request");
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            throw invalid("Signature must be 64 lower-case hexadecimal digits");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], scope[4], List.of(signedHeaders.split(";")), signature);
    }

    private static String required(Map<String, String> parts, String name) {
        String value = parts.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid("Authorization header requires '" + name + "' parameter");
        }
        return value;
    }

    private static ServiceException invalid(String message) {
        return ServiceError.INVALID_SIGNATURE.exception(message);
    }
}
