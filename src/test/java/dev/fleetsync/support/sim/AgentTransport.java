package dev.fleetsync.support.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Sends the robot protocol's JSON requests, asynchronously and signed. The only place the simulator talks HTTP.
 */
public final class AgentTransport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    public AgentTransport(Executor executor) {
        // HTTP/1.1: no h2c upgrade dance; the client keeps one connection per request in flight.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** POSTs {@code body} as JSON; completes with the parsed 200 answer, or fails with {@link AgentHttpException}. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<Map<String, Object>> post(URI endpoint, String path, Map<String, Object> body, Duration timeout) {
        URI target = endpoint.resolve(path);
        byte[] json = write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Robots sign like every other caller (SigV4, as the test principal).
        HttpRequest request = dev.fleetsync.support.Signing.signed(HttpRequest.newBuilder(target), "POST", target, json)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        inFlight.add(sent);
        return sent.whenComplete((r, e) -> inFlight.remove(sent)).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new AgentHttpException(path, response.statusCode(), response.body());
            }
            try {
                return JSON.readValue(response.body(), Map.class);
            } catch (JsonProcessingException e) {
                throw new AgentHttpException(path, response.statusCode(), response.body());
            }
        });
    }

    /** Abandons every request still waiting for its answer (held polls, mostly). */
    public void cancelAll() {
        inFlight.forEach(f -> f.cancel(true));
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service answered, but not with 200. */
    public static final class AgentHttpException extends RuntimeException {
        private final int status;

        AgentHttpException(String path, int status, String body) {
            super(path + " answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
