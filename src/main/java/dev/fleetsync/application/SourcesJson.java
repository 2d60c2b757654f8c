package dev.fleetsync.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The {@code sources} column: a JSON array of {s3Bucket, s3Key, etag, architecture}. A private mapper, so the stored
 * format never follows changes to the wire's JSON settings.
 */
final class SourcesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<ApplicationSource>> LIST = new TypeReference<>() {
    };

    private SourcesJson() {
    }

    static String write(List<ApplicationSource> sources) {
        try {
            return MAPPER.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sources are plain records and always serialize", e);
        }
    }

    static List<ApplicationSource> read(String json) {
        try {
            return List.copyOf(MAPPER.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sources are not valid JSON: " + json, e);
        }
    }
}
