package dev.fleetsync.ops;

import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Signing;
import dev.fleetsync.support.sim.AgentTransport;

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
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/**
 * SIGTERM on the packaged application (prod profile, JSON logs), as Kubernetes sends it: readiness turns DOWN first,
 * a request already in flight still completes and commits, and only then does the process exit; a held long poll is
 * answered with no work as soon as draining begins.
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

    @Test
    void aHeldLongPollIsAnsweredWithNoWorkAtOnceOnSigtermAndTheProcessExitsCleanly() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "drained-poll-", ".log");
        Map<String, String> settings = new java.util.HashMap<>(database);
        // the production shutdown settings (delay 5 s, timeout 20 s) and max-poll-wait (20 s)
        settings.put("fleetsync.auth.principals", Sdk.ACCESS_KEY + ":" + Sdk.SECRET + ":123456789012");

        try (PackagedApp app = PackagedApp.start(settings, log)) {
            app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));
            // given a robot with nothing to do, whose poll is held for 20 s
            String robot = idleRobot(Sdk.client(app.endpoint));
            CompletableFuture<Map<String, Object>> poll = new AgentTransport(ForkJoinPool.commonPool())
                    .post(app.endpoint, "/agent/v1/poll", Map.of("robot", robot, "waitSeconds", 20), Duration.ofSeconds(40));
            awaitLongPollsWaiting(app, 1);

            // when Kubernetes stops the pod
            long sigterm = System.nanoTime();
            app.process.destroy();

            // then the poll is answered with no work at once, while the replica is still in its shutdown delay
            Map<String, Object> answer = poll.get(5, TimeUnit.SECONDS);
            long releasedMillis = Duration.ofNanos(System.nanoTime() - sigterm).toMillis();
            System.out.println("DRAIN a held long poll was answered " + releasedMillis + " ms after SIGTERM");
            assertThat(answer).isEmpty();
            assertThat(releasedMillis).isLessThan(5000);
            // and the process then exits cleanly
            assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            System.out.println("DRAIN the process exited " + Duration.ofNanos(System.nanoTime() - sigterm).toMillis()
                    + " ms after SIGTERM with status " + app.process.exitValue());
            // Quarkus ends a SIGTERM-initiated stop with 128 + 15, as a process killed by the signal would; that it was a
            // clean stop (not the shutdown timeout cutting requests off) shows in its last log line
            assertThat(app.process.exitValue()).isEqualTo(128 + 15);
            assertThat(Files.readAllLines(log)).last().asString().contains("fleetsync stopped in");
            assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains("\"level\":\"ERROR\""));
        }
    }

    private static String idleRobot(RoboMakerClient robomaker) {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("idle"))).arn();
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("idle")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    /** Waits until the replica's fleetsync_long_polls_waiting reads {@code expected}. */
    static void awaitLongPollsWaiting(PackagedApp app, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = app.http().send(HttpRequest.newBuilder(app.endpoint.resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (metrics.lines().anyMatch(l -> l.startsWith("fleetsync_long_polls_waiting")
                    && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == expected)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fleetsync_long_polls_waiting never read " + expected);
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
