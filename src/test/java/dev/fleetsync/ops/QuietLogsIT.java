package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.config.EmbeddedPostgresLauncher;
import dev.fleetsync.support.Sdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;

/**
 * An operator reads every WARN and ERROR as a fault. The packaged service, configured as docs/configuration.md says,
 * logs none while it starts, serves calls (refused ones included), and stops on SIGTERM.
 */
class QuietLogsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> database;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedPostgresLauncher.start(null, Map.of("fsync", "off"));
    }

    @Test
    void aConfiguredServiceStartsServesAndStopsWithoutAWarningOrAnError() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "quiet-logs-", ".log");
        Map<String, String> settings = new HashMap<>(database);
        settings.put("fleetsync.auth.principals", Sdk.ACCESS_KEY + ":" + Sdk.SECRET + ":123456789012");
        settings.put("fleetsync.auth.page-token-key", "quiet-logs-page-token-key");
        settings.put("fleetsync.auth.robot-credential-key", "quiet-logs-robot-credential-key-of-32-chars");
        settings.put("quarkus.shutdown.delay", "0s");

        try (PackagedApp app = PackagedApp.start(settings, log)) {
            app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));
            RoboMakerClient robomaker = Sdk.client(app.endpoint);
            String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("quiet"))).arn();
            // refusals are answers, not faults
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(fleet)))
                    .isInstanceOf(ResourceNotFoundException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> robomaker.describeFleet(r -> r.fleet(fleet + "x")))
                    .isInstanceOf(ResourceNotFoundException.class);

            app.process.destroy();
            assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).as("exited on SIGTERM").isTrue();
        }

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("the service logged").isNotEmpty();
        assertThat(lines).as("lines at WARN or ERROR in " + log).filteredOn(QuietLogsIT::isWarnOrError).isEmpty();
    }

    /** A JSON line by its level; anything else (a stack trace, a JVM message) by the words an operator would see. */
    private static boolean isWarnOrError(String line) {
        if (line.startsWith("{")) {
            try {
                JsonNode entry = JSON.readTree(line);
                String level = entry.path("level").asText();
                return level.equals("WARN") || level.equals("WARNING") || level.equals("ERROR") || level.equals("SEVERE");
            } catch (IOException e) {
                return true;
            }
        }
        return line.contains("WARN") || line.contains("ERROR") || line.contains("Exception");
    }
}
