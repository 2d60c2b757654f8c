package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Validation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The request target as sent, checked before the signature step and the router read it, so that both see one path and
 * nothing is decoded leniently. Refused, as {@code InvalidParameterException} naming the part: a target that is no
 * path ({@code http://host/...}, {@code *}); a character no URI holds unencoded (a space, {@code |}, bytes past ASCII);
 * a path segment that is {@code .} or {@code ..} in any spelling
 * ({@code %2e%2e}, {@code ..;x}), since the gate decides on the path as sent and the router on the path resolved, and
 * {@code /q/../listFleets} would pass one as unsigned and the other as an operation; a path or query that is not
 * percent-encoded UTF-8 (a lone {@code %}, {@code %ZZ}, or bytes such as {@code %C0%AF}, an overlong '/'); a query
 * parameter spelled as one of the model's but for its case ({@code tagkeys}), which Vert.x's case-insensitive query map
 * would otherwise hand to the operation as {@code tagKeys} (quarkus#31060).
 */
final class RequestTarget {
    static final String PATH = "path";
    static final String QUERY = "query";

    private RequestTarget() {
    }

    /** RFC 3986's unreserved and sub-delimiter characters, ':', '@' and '%': all a path may hold unencoded. */
    private static final String PATH_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@%/";

    /**
     * The refusal of a target whose path and query are as given (the query without its '?', or null), if any;
     * {@code queryNames} are the query parameters of the model, as it spells them.
     */
    static Optional<ServiceException> problem(String rawPath, String rawQuery, Set<String> queryNames) {
        if (!rawPath.startsWith("/")) {
            return Optional.of(refusal(PATH, "Member must be an absolute path (origin form), not " + (rawPath.isEmpty() ? "empty" : "a URL")));
        }
        int stray = firstStray(rawPath, PATH_CHARACTERS);
        if (stray >= 0) {
            return Optional.of(stray(PATH, rawPath.charAt(stray)));
        }
        String path = decode(rawPath);
        if (path == null) {
            return Optional.of(notUtf8(PATH, rawPath));
        }
        for (String segment : rawPath.split("/", -1)) {
            String name = decode(segment);
            int parameters = name.indexOf(';');
            String bare = parameters < 0 ? name : name.substring(0, parameters);
            if (bare.equals(".") || bare.equals("..")) {
                return Optional.of(refusal(PATH, "Member must not contain '.' or '..' segments"));
            }
        }
        return rawQuery == null ? Optional.empty() : queryProblem(rawQuery, queryNames);
    }

    private static Optional<ServiceException> queryProblem(String rawQuery, Set<String> queryNames) {
        int stray = firstStray(rawQuery, PATH_CHARACTERS + "?");
        if (stray >= 0) {
            return Optional.of(stray(QUERY, rawQuery.charAt(stray)));
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null) {
                return Optional.of(notUtf8(QUERY, pair));
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
                return Optional.of(notUtf8(Validation.printable(name), pair.substring(equals + 1)));
            }
            Optional<String> meant = queryNames.stream().filter(known -> !known.equals(name) && known.equalsIgnoreCase(name)).findFirst();
            if (meant.isPresent()) {
                return Optional.of(refusal(Validation.printable(name),
                        "Member must be spelled '" + meant.get() + "': query parameter names are case-sensitive"));
            }
        }
        return Optional.empty();
    }

    private static int firstStray(String raw, String allowed) {
        for (int i = 0; i < raw.length(); i++) {
            if (allowed.indexOf(raw.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    private static ServiceException stray(String part, char c) {
        return refusal(part, "Member must hold only URI characters, others percent-encoded; it holds " + String.format("U+%04X", (int) c));
    }

    /**
     * The text the percent-encoded form stands for, or null when it is not well-formed: a '%' without two hex digits
     * after it, or bytes that are not strict UTF-8 ({@link Utf8}). '+' stays '+': SigV4 and the SDKs encode a space as %20.
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        byte[] decoded = bytes.toByteArray();
        return Utf8.firstMalformed(decoded) < 0 ? new String(decoded, StandardCharsets.UTF_8) : null;
    }

    private static ServiceException notUtf8(String part, String raw) {
        return refusal(part, "Member must be percent-encoded UTF-8 (a '%' followed by two hex digits, the bytes well-formed UTF-8), but is '"
                + Validation.printable(abbreviated(raw)) + "'");
    }

    private static ServiceException refusal(String part, String constraint) {
        return Validation.invalidMember(part, constraint);
    }

    private static String abbreviated(String raw) {
        return raw.length() <= 128 ? raw : raw.substring(0, 128) + "...";
    }
}
