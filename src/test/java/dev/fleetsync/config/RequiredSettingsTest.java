package dev.fleetsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every missing required setting is named at once, and a complete configuration passes. */
class RequiredSettingsTest {
    private static final Map<String, String> COMPLETE = Map.of(
            "quarkus.datasource.reactive.url", "postgresql://db:5432/fleetsync",
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/fleetsync",
            "quarkus.datasource.username", "fleetsync",
            "fleetsync.auth.principals", "AKIDEXAMPLE0000001:secret:123456789012");

    private static Optional<String> problem(Map<String, String> settings) {
        return RequiredSettings.problem(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void aCompleteConfigurationHasNoProblem() {
        assertThat(problem(COMPLETE)).isEmpty();
    }

    @Test
    void nothingConfiguredNamesEveryRequiredSettingInOneMessage() {
        String message = problem(Map.of()).orElseThrow();

        assertThat(message).startsWith("fleetsync cannot start: 4 required settings are missing.")
                .contains("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                        "FLEETSYNC_AUTH_PRINCIPALS", "docs/configuration.md");
    }

    @Test
    void oneMissingSettingIsNamedAlone() {
        Map<String, String> settings = new HashMap<>(COMPLETE);
        settings.remove("quarkus.datasource.jdbc.url");

        assertThat(problem(settings).orElseThrow()).startsWith("fleetsync cannot start: a required setting is missing.")
                .contains("QUARKUS_DATASOURCE_JDBC_URL").doesNotContain("REACTIVE_URL");
    }

    @Test
    void aPrincipalsFileStandsInForThePrincipals() {
        Map<String, String> settings = new HashMap<>(COMPLETE);
        settings.remove("fleetsync.auth.principals");
        settings.put("fleetsync.auth.principals-file", "/etc/fleetsync/principals");

        assertThat(problem(settings)).isEmpty();
    }

    @Test
    void aBlankValueIsMissing() {
        Map<String, String> settings = new HashMap<>(COMPLETE);
        settings.put("quarkus.datasource.username", "  ");

        assertThat(problem(settings).orElseThrow()).contains("QUARKUS_DATASOURCE_USERNAME");
    }
}
