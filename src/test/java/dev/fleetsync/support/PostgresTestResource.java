package dev.fleetsync.support;

import dev.fleetsync.config.EmbeddedPostgresLauncher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for the tests, from the first source that is available:
 * a configured server ({@code FLEETSYNC_TEST_DB_URL}, a JDBC URL, with {@code FLEETSYNC_TEST_DB_USER}/{@code _PASSWORD}),
 * else a Testcontainers container when a Docker engine answers, else the embedded PostgreSQL binaries.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);
    private static final String IMAGE = "postgres:17-alpine";

    private PostgreSQLContainer container;

    @Override
    public Map<String, String> start() {
        String configured = System.getenv("FLEETSYNC_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            LOG.infof("Tests use the configured PostgreSQL at %s", configured);
            return Map.of(
                    "quarkus.datasource.jdbc.url", configured,
                    "quarkus.datasource.reactive.url", configured.replaceFirst("^jdbc:", ""),
                    "quarkus.datasource.username", env("FLEETSYNC_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", env("FLEETSYNC_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer(IMAGE).withCommand("postgres", "-c", "max_connections=200", "-c", "fsync=off",
                    "-c", "shared_preload_libraries=pg_stat_statements");
            container.start();
            LOG.infof("Tests use a Testcontainers PostgreSQL at %s", container.getJdbcUrl());
            return EmbeddedPostgresLauncher.settings(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
                    container.getUsername(), container.getPassword());
        }
        Map<String, String> embedded = EmbeddedPostgresLauncher.start(null,
                Map.of("max_connections", "200", "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
                        // lets tests count the statements a call issues
                        "shared_preload_libraries", "pg_stat_statements"));
        LOG.infof("No Docker engine: tests use an embedded PostgreSQL at %s", embedded.get("quarkus.datasource.reactive.url"));
        return embedded;
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    /**
     * Testcontainers is asked only where a Docker engine could answer: asked without one, it logs its failed probe as
     * three ERRORs, which read as a fault of the build.
     */
    private static boolean dockerAvailable() {
        String home = System.getProperty("user.home");
        boolean endpoint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
        if (!endpoint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
