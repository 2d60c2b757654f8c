package dev.fleetsync.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * In dev mode with no database configured, starts an embedded PostgreSQL (data kept in {@code target/dev-database})
 * so that {@code ./mvnw quarkus:dev} works on a fresh machine. Any other profile, or a configured URL, leaves config alone.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {
    private static final Logger LOG = Logger.getLogger(DevDatabaseConfigSourceFactory.class);
    private static final String URL_KEY = "quarkus.datasource.reactive.url";
    // Dev mode rebuilds class loaders on every reload; the system properties remember the database across them.
    // Outside the fleetsync. namespace: the config mapping of that prefix rejects keys it does not know.
    private static final String MEMO_PREFIX = "fleetsync-dev-database.";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue configured = context.getValue(URL_KEY);
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(settings(), "fleetsync-dev-database", 50));
    }

    private static synchronized Map<String, String> settings() {
        Map<String, String> remembered = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith(MEMO_PREFIX)) {
                remembered.put(k.toString().substring(MEMO_PREFIX.length()), v.toString());
            }
        });
        if (!remembered.isEmpty()) {
            return remembered;
        }
        Map<String, String> started = launch();
        started.forEach((k, v) -> System.setProperty(MEMO_PREFIX + k, v));
        LOG.infof("No database configured: started an embedded PostgreSQL at %s", started.get(URL_KEY));
        return started;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> launch() {
        try {
            // Loaded by name so that packaged and native builds, which lack the embedded binaries, never link it.
            Class<?> launcher = Class.forName("dev.fleetsync.config.EmbeddedPostgresLauncher");
            return (Map<String, String>) launcher.getMethod("start", Path.class, Map.class)
                    .invoke(null, Path.of("target", "dev-database"), Map.of());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("No database is configured (set QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL) and the embedded PostgreSQL could not be started", e);
        }
    }
}
