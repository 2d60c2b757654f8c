package dev.fleetsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode keeps its database in target/dev-database across runs: each start and stop on that directory is quiet (no
 * WARN or ERROR, which an operator reads as a fault) and leaves no postmaster behind.
 */
class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dataDirectory;

    @Test
    void twoRunsOnOneDataDirectoryStartAndStopQuietlyAndKeepTheData() throws Exception {
        List<String> complaints = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    complaints.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler);
        try {
            try (EmbeddedPostgresLauncher.Running first = EmbeddedPostgresLauncher.open(dataDirectory, Map.of())) {
                sql(first, "create table kept (id int)", "insert into kept values (1)");
            }
            assertThat(dataDirectory.resolve("postmaster.pid")).as("stopped").doesNotExist();

            try (EmbeddedPostgresLauncher.Running second = EmbeddedPostgresLauncher.open(dataDirectory, Map.of())) {
                assertThat(count(second, "select count(*) from kept")).isEqualTo(1);
            }
            assertThat(dataDirectory.resolve("postmaster.pid")).as("stopped").doesNotExist();
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }
        assertThat(lines).as("the library's log is heard").filteredOn(l -> l.contains("shut down postmaster")).hasSize(2);
        assertThat(complaints).isEmpty();
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();
    }

    private static void sql(EmbeddedPostgresLauncher.Running server, String... statements) throws Exception {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(EmbeddedPostgresLauncher.Running server, String query) throws Exception {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(EmbeddedPostgresLauncher.Running server) throws Exception {
        return DriverManager.getConnection(server.settings().get("quarkus.datasource.jdbc.url"),
                server.settings().get("quarkus.datasource.username"), server.settings().get("quarkus.datasource.password"));
    }
}
