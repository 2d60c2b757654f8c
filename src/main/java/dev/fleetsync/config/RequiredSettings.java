package dev.fleetsync.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings a production start cannot do without, checked all at once so that an operator learns every missing one
 * from one start, in one message, instead of one failed start each.
 */
public final class RequiredSettings {
    /** One required setting: its key(s), the environment variable an operator sets, and what it is for. */
    record Setting(List<String> keys, String environment, String meaning) {
        boolean presentIn(Function<String, Optional<String>> lookup) {
            return keys.stream().anyMatch(k -> lookup.apply(k).filter(v -> !v.isBlank()).isPresent());
        }
    }

    static final List<Setting> ALL = List.of(
            new Setting(List.of("quarkus.datasource.reactive.url"), "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "PostgreSQL for the service, e.g. postgresql://db:5432/fleetsync"),
            new Setting(List.of("quarkus.datasource.jdbc.url"), "QUARKUS_DATASOURCE_JDBC_URL",
                    "the same database as a JDBC URL, for the migrations, e.g. jdbc:postgresql://db:5432/fleetsync"),
            new Setting(List.of("quarkus.datasource.username"), "QUARKUS_DATASOURCE_USERNAME", "the database user"),
            new Setting(List.of("fleetsync.auth.principals", "fleetsync.auth.principals-file"),
                    "FLEETSYNC_AUTH_PRINCIPALS (or FLEETSYNC_AUTH_PRINCIPALS_FILE)",
                    "the access keys that may call the API, accessKeyId:secretKey:accountId, comma-separated"));

    private RequiredSettings() {
    }

    /** The required settings the lookup does not have, in the order above. */
    static List<Setting> missing(Function<String, Optional<String>> lookup) {
        return ALL.stream().filter(s -> !s.presentIn(lookup)).toList();
    }

    /** The one message naming every missing setting, or empty when none is. */
    public static Optional<String> problem(Function<String, Optional<String>> lookup) {
        List<Setting> missing = missing(lookup);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add("fleetsync cannot start: " + (missing.size() == 1 ? "a required setting is" : missing.size() + " required settings are")
                + " missing.");
        missing.forEach(s -> lines.add("  " + s.environment() + " (" + s.keys().get(0) + "): " + s.meaning()));
        lines.add("Set them in the environment or as -D options; docs/configuration.md lists the minimum to run the service.");
        return Optional.of(String.join(System.lineSeparator(), lines));
    }
}
