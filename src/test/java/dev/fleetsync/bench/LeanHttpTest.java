package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.bench.SignedHttp.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's lean HTTP client reads what an HTTP server writes: sized and chunked bodies, statuses, error types. */
class LeanHttpTest {
    private Vertx vertx;
    private HttpServer server;
    private LeanHttp http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = BenchSeed.await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            switch (request.path()) {
                case "/sized" -> request.response().end("{\"arn\":\"é " + body.toString() + "\"}");
                case "/chunked" -> request.response().setChunked(true).write("{\"a\":").compose(v -> request.response().end("1}"));
                default -> request.response().setStatusCode(400).putHeader("X-Amzn-ErrorType", "ConcurrentDeploymentException")
                        .end("{\"message\":\"busy\"}");
            }
        })).listen(0, "127.0.0.1"));
        http = new LeanHttp(vertx, "127.0.0.1", server.actualPort());
    }

    @AfterEach
    void stop() {
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void readsSizedChunkedAndErrorAnswersOnOneKeptAliveConnection() {
        for (int round = 0; round < 3; round++) {
            assertThat(send("/sized", "x" + round)).isEqualTo(new Answer(200, null, "{\"arn\":\"é x" + round + "\"}"));
            assertThat(send("/chunked", "")).isEqualTo(new Answer(200, null, "{\"a\":1}"));
            assertThat(send("/busy", "")).isEqualTo(new Answer(400, "ConcurrentDeploymentException", "{\"message\":\"busy\"}"));
        }
    }

    private Answer send(String path, String body) {
        return BenchSeed.await(http.send(LeanHttp.encode(path, "127.0.0.1:" + server.actualPort(),
                Map.of("Content-Type", "application/json"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 10_000));
    }
}
