package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a client sends it: method, path with query, body bytes and Content-Type (null: none); the body
 * framed with a Content-Length, or {@code chunked} (Transfer-Encoding: chunked, no length known in advance).
 */
record Call(String method, String target, byte[] body, String contentType, boolean chunked) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Call(String method, String target, byte[] body, String contentType) {
        this(method, target, body, contentType, false);
    }

    /**
     * The operation's input as the model places it: {@code uri} members percent-encoded into the path (as the SDKs
     * encode an ARN label, slashes included), {@code querystring} members into the query, the rest as the JSON body.
     */
    static Call of(Samples samples, Operation op, ObjectNode input) {
        JsonNode shape = samples.model().shape(op.input());
        ObjectNode body = input.deepCopy();
        String path = op.uri();
        List<String> query = new ArrayList<>();
        for (var it = shape.path("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String location = member.getValue().path("location").asText(null);
            JsonNode value = body.remove(member.getKey());
            if ("uri".equals(location)) {
                path = path.replace("{" + member.getKey() + "}", value == null ? "" : encode(value.asText()));
            } else if ("querystring".equals(location)) {
                if (value != null) {
                    (value.isArray() ? value : JSON.createArrayNode().add(value))
                            .forEach(v -> query.add(member.getKey() + "=" + encode(v.asText())));
                }
            } else if (value != null) {
                body.set(member.getKey(), value);
            }
        }
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return op.hasBody() ? new Call(op.method(), target, bytes(body), "application/json") : new Call(op.method(), target, new byte[0], null);
    }

    Call withBody(byte[] other) {
        return new Call(method, target, other, contentType, chunked);
    }

    Call withContentType(String other) {
        return new Call(method, target, body, other, chunked);
    }

    Call asChunked() {
        return new Call(method, target, body, contentType, true);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
