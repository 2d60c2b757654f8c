package dev.fleetsync.api.http;

import dev.fleetsync.common.Validation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.fleetsync.common.ServiceException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Every request body is checked as bytes before Jackson reads it (UTF-8 and nothing else: no malformed sequence, no NUL
 * byte of another encoding), and a member given twice (or a member name with a lone surrogate) is reported by its path.
 * Both need the request's type to name the member the way the validator does ({@code tags[team]}, not {@code tags.team}),
 * which the mapper alone does not know.
 */
@Provider
public class StrictBodies implements ReaderInterceptor {
    private static final JsonFactory PLAIN = new JsonFactory();
    // Jackson's words for the two parser errors we report by member; StrictJsonTest fails if a Jackson upgrade changes them
    private static final String DUPLICATE = "Duplicate field '";
    private static final String SURROGATE = "surrogate";
    private static final String IN_NAME = "in field name";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        int malformed = Utf8.firstMalformed(body);
        if (malformed >= 0) {
            throw ServiceException.invalid(notUtf8(body, malformed, context.getGenericType()));
        }
        int nul = firstNul(body);
        if (nul >= 0) {
            throw ServiceException.invalid(Validation.bodyMessage("The request body must be JSON in UTF-8 (the byte at offset " + nul
                    + " is NUL)"));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            String refusal = refusal(parseError(e), context.getGenericType());
            if (refusal == null) {
                throw e;
            }
            throw ServiceException.invalid(refusal);
        }
    }

    /**
     * The parser's own refusals that concern one member: a member given twice (STRICT_DUPLICATE_DETECTION) and a lone
     * surrogate escape in a member name or map key, which Jackson refuses itself, unlike one in a value (see StrictText).
     * Null for any other error, which is reported as invalid JSON.
     */
    static String refusal(StreamReadException error, Type type) {
        if (error == null || error.getProcessor() == null || error.getOriginalMessage() == null) {
            return null;
        }
        JsonStreamContext at = error.getProcessor().getParsingContext();
        if (error.getOriginalMessage().startsWith(DUPLICATE)) {
            return Validation.message(List.of(Validation.memberViolation(JsonPaths.render(steps(at, true), type),
                    "Member must appear only once in its object")));
        }
        if (error.getOriginalMessage().contains(SURROGATE) && error.getOriginalMessage().contains(IN_NAME)) {
            String holder = JsonPaths.render(steps(at, false), type);
            String keys = "Member keys must not contain an unpaired surrogate";
            return holder.isEmpty() ? Validation.bodyMessage(keys) : Validation.message(List.of(Validation.memberViolation(holder, keys)));
        }
        return null;
    }

    /**
     * The offset of the first NUL byte, or -1. UTF-8 JSON never holds one (U+0000 is only ever the escape), but UTF-16
     * and UTF-32 JSON always do, and Jackson would read those encodings by their first bytes: {"name":...} in UTF-16
     * created a fleet.
     */
    static int firstNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    static String notUtf8(byte[] body, int offset, Type type) {
        List<Object> steps = locate(Arrays.copyOf(body, offset));
        if (steps == null || steps.isEmpty()) {
            return "The request body is not valid UTF-8: the bytes at offset " + offset + " are malformed";
        }
        return Validation.message(List.of(Validation.memberViolation(JsonPaths.render(steps, type),
                "Member must be valid UTF-8 (the bytes at offset " + offset + " are malformed)")));
    }

    /**
     * Where the well-formed prefix of a body ends: in a string value (its member's path), elsewhere (the enclosing
     * member, e.g. a map whose key is malformed), or null when the prefix is a whole value and the bad bytes follow it.
     */
    static List<Object> locate(byte[] prefix) {
        try (JsonParser parser = PLAIN.createParser(prefix)) {
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                } catch (IOException e) {
                    return steps(parser.getParsingContext(), false);
                }
                if (token == null) {
                    return null;
                }
                if (token == JsonToken.VALUE_STRING) {
                    try {
                        parser.getText(); // Jackson reads a string value only when asked
                    } catch (IOException e) {
                        return steps(parser.getParsingContext(), true);
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** The member names and list indices from the body's root down to the context (its own name or index included or not). */
    static List<Object> steps(JsonStreamContext context, boolean includeOwn) {
        Deque<Object> steps = new ArrayDeque<>();
        boolean own = true;
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (!own || includeOwn) {
                Object step = c.inArray() ? Integer.valueOf(c.getCurrentIndex()) : c.getCurrentName();
                if (step != null) {
                    steps.addFirst(step);
                }
            }
            own = false;
        }
        return List.copyOf(steps);
    }

    private static StreamReadException parseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }
}
