package dev.fleetsync.ops;

import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.config.EmbeddedPostgresLauncher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged application (prod profile, JSON logs), as Kubernetes sends it: readiness turns DOWN first,
 * a request already in flight still completes and commits, and only then does the process exit.
 */
class GracefulShutdownIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The request's real signature, which must appear in no log line. */
    private String signature;

    private static Map<String, String> database;

    /** A PostgreSQL of its own, stopped by the launcher when the test JVM exits. */
    @BeforeAll
    static void startDatabase() {
        database = EmbeddedPostgresLauncher.start(null, Map.of("fsync", "off"));
    }

    @Test
    void anInFlightRequestCompletesAfterSigtermAndTheProcessThenExits() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "graceful-shutdown-", ".log");
        Map<String, String> settings = new java.util.HashMap<>(database);
        settings.put("quarkus.shutdown.delay", "2s");
        settings.put("quarkus.shutdown.timeout", "20s");
        settings.put("fleetsync.auth.principals", Sdk.ACCESS_KEY + ":" + Sdk.SECRET + ":123456789012");
        String name = "drained-" + UUID.randomUUID().toString().substring(0, 8);

        try (PackagedApp app = PackagedApp.start(settings, log); Connection lock = jdbc()) {
            app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));

            // given a CreateFleet held up by a lock on the fleet table
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table fleet in access exclusive mode");
            }
            java.net.URI target = app.endpoint.resolve("/createFleet");
            byte[] body = ("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> signing = Signing.headers("POST", target, body, Sdk.ACCESS_KEY, Sdk.SECRET, java.time.Instant.now());
            signature = signing.get("Authorization").replaceAll(".*Signature=", "");
            HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Content-Type", "application/json");
            signing.forEach(request::header);
            CompletableFuture<HttpResponse<String>> inFlight = app.http().sendAsync(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            awaitBlockedStatement();

            // when Kubernetes stops the pod
            app.process.destroy();

            // then readiness reports DOWN while the request is still waiting
            app.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(5));
            Thread.sleep(2500);
            assertThat(app.process.isAlive()).as("waiting for the in-flight request").isTrue();
            assertThat(inFlight).isNotDone();

            lock.rollback();
            HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("name").asText()).isEqualTo(name);
            assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).as("exited after the request").isTrue();
            assertThat(fleetsNamed(name)).isEqualTo(1);

            // and the JSON log has the request's line, with its id and operation, and never its signature
            List<String> lines = Files.readAllLines(log);
            String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
            assertThat(lines).noneMatch(l -> l.contains(signature));
            assertThat(lines.stream().filter(l -> l.startsWith("{")).map(GracefulShutdownIT::parse)
                    .filter(l -> requestId.equals(l.path("mdc").path("requestId").asText())))
                    .anySatisfy(l -> {
                        assertThat(l.path("loggerName").asText()).isEqualTo("dev.fleetsync.requests");
                        assertThat(l.path("mdc").path("operation").asText()).isEqualTo("CreateFleet");
                    });
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static void awaitBlockedStatement() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = s.executeQuery("select count(*) from pg_locks where not granted")) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the request never reached the locked table");
    }

    private static int fleetsNamed(String name) throws Exception {
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("select count(*) from fleet where name = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Connection jdbc() throws Exception {
        return DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"), database.get("quarkus.datasource.username"),
                database.get("quarkus.datasource.password"));
    }
}
