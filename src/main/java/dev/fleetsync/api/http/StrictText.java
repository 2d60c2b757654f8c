package dev.fleetsync.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Every string read from a request, member value or map key, is refused when it holds U+0000 (PostgreSQL cannot store
 * it) or a surrogate that is not half of a pair (only a {@code \}{@code u} escape can produce one once the bytes are valid
 * UTF-8; it cannot be stored or echoed faithfully). Registered for {@code String}, so every new member gets it.
 */
final class StrictText {
    private StrictText() {
    }

    /** What is wrong with the text, in the words of a constraint ("must not contain ..."), or null when nothing is. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "Member must not contain the character U+0000";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("Member must not contain an unpaired surrogate (U+%04X)", (int) c);
            }
        }
        return null;
    }

    /** A refused string; the mapper adds the member's path as the failure leaves each enclosing object. */
    static final class Refused extends JsonMappingException {
        private final String problem;
        private final boolean key;

        Refused(JsonParser parser, String problem, boolean key) {
            super(parser, problem);
            this.problem = problem;
            this.key = key;
        }

        String problem() {
            return problem;
        }

        /** True when a map key was refused: the path then ends at the map. */
        boolean key() {
            return key;
        }
    }

    static final class Values extends StdScalarDeserializer<String> {
        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = text == null ? null : problem(text);
            if (problem != null) {
                throw new Refused(p, problem, false);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = problem(key);
            if (problem != null) {
                throw new Refused(ctxt.getParser(), problem.replace("Member must", "Member keys must"), true);
            }
            return key;
        }
    }
}
