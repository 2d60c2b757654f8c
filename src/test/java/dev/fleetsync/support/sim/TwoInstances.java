package dev.fleetsync.support.sim;

import dev.fleetsync.support.PostgresTestResource;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Two processes of the packaged service on one database of their own, with a small pool on that database for the
 * test's own reads. The first instance migrates the schema; the second starts on the migrated database.
 */
public final class TwoInstances implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final PostgresTestResource database = new PostgresTestResource();
    private ServiceProcess first;
    private ServiceProcess second;
    private Vertx vertx;
    private Pool pool;

    private TwoInstances() {
    }

    /** Starts both, named {@code name}-a and {@code name}-b, with the database's settings and {@code settings}. */
    public static TwoInstances start(String name, Map<String, String> settings) throws Exception {
        TwoInstances instances = new TwoInstances();
        try {
            instances.startAll(name, settings);
        } catch (Exception | Error e) {
            instances.close();
            throw e;
        }
        return instances;
    }

    private void startAll(String name, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(database.start());
        settings.putAll(extra);
        first = ServiceProcess.start(name + "-a", settings, STARTUP);
        second = ServiceProcess.start(name + "-b", settings, STARTUP);
        PgConnectOptions options = PgConnectOptions.fromUri(settings.get("quarkus.datasource.reactive.url"))
                .setUser(settings.get("quarkus.datasource.username")).setPassword(settings.get("quarkus.datasource.password"));
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(2));
    }

    public ServiceProcess first() {
        return first;
    }

    public ServiceProcess second() {
        return second;
    }

    /** A pool of 2 on the instances' database. */
    public Pool pool() {
        return pool;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
        for (ServiceProcess instance : new ServiceProcess[] {second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
        database.stop();
    }
}
