package dev.fleetsync.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one member of an answer's JSON. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The text member {@code name} of the JSON object, or null when it is absent or the body is not JSON. */
    static String string(String body, String name) {
        try {
            JsonNode member = MAPPER.readTree(body).get(name);
            return member == null || member.isNull() ? null : member.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
