package dev.fleetsync.bench;

import dev.fleetsync.config.EmbeddedPostgresLauncher;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Map;

/**
 * The benchmark's PostgreSQL: {@code FLEETSYNC_BENCH_DB_URL} (a JDBC URL, with {@code FLEETSYNC_BENCH_DB_USER} and
 * {@code _PASSWORD}) when set, else an embedded PostgreSQL 17 with the server's default durability (fsync and synchronous
 * commit on), so that "what PostgreSQL can commit" means what a production server can.
 */
final class BenchDatabase {
    private final Map<String, String> settings;

    private BenchDatabase(Map<String, String> settings) {
        this.settings = settings;
    }

    static BenchDatabase start() {
        String url = System.getenv("FLEETSYNC_BENCH_DB_URL");
        if (url != null && !url.isBlank()) {
            return new BenchDatabase(Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.reactive.url", url.replaceFirst("^jdbc:", ""),
                    "quarkus.datasource.username", env("FLEETSYNC_BENCH_DB_USER", "postgres"),
                    "quarkus.datasource.password", env("FLEETSYNC_BENCH_DB_PASSWORD", "")));
        }
        // 2,000 held polls need no connections; the service's pool (20), the raw-SQL pool (20) and seeding do.
        // the embedded server's own defaults trade durability for speed: put PostgreSQL's back
        Map<String, String> server = new java.util.HashMap<>(Map.of("max_connections", "200", "shared_buffers", "256MB",
                "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on",
                // counts the statements of a call, so the run can show the raw SQL issues the same ones
                "shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_planning", "on",
                // the run vacuums before every measured phase (BenchSeed.settle), so no background vacuum lands in one
                "autovacuum", "off"));
        // -Dbench.db.<setting>=<value> tries a server setting out (log_min_duration_statement=0 to see every statement)
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("bench.db."))
                .forEach(key -> server.put(key.substring("bench.db.".length()), System.getProperty(key)));
        return new BenchDatabase(EmbeddedPostgresLauncher.start(null, server));
    }

    /** The datasource settings the service is started with. */
    Map<String, String> settings() {
        return settings;
    }

    /** A pool on the same database, of {@code size} connections, configured as the service's reactive pool is. */
    Pool pool(Vertx vertx, int size) {
        PgConnectOptions options = PgConnectOptions.fromUri(settings.get("quarkus.datasource.reactive.url"))
                .setUser(settings.get("quarkus.datasource.username")).setPassword(settings.get("quarkus.datasource.password"))
                .setCachePreparedStatements(true);
        return PgPool.pool(vertx, options, new PoolOptions().setMaxSize(size));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
