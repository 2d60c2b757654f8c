package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started with nothing configured names every required setting in one readable message and
 * exits non-zero: no stack trace, not one failed start per setting.
 */
class MissingSettingsIT {

    @Test
    void aStartWithoutConfigurationNamesEveryMissingSettingAndExitsNonZero() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "missing-settings-", ".log");

        try (PackagedApp app = PackagedApp.start(Map.of(), log)) {
            assertThat(app.process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(app.process.exitValue()).isEqualTo(1);
        }

        List<String> lines = Files.readAllLines(log);
        assertThat(String.join("\n", lines)).contains("fleetsync cannot start: 4 required settings are missing.",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "FLEETSYNC_AUTH_PRINCIPALS");
        assertThat(lines).as("no stack trace").noneMatch(l -> l.trim().startsWith("at ") || l.contains("Exception"));
    }
}
