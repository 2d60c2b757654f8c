package dev.fleetsync.ops;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the schema has this build's newest migration and no failed one, asked of the reactive pool that
 * serves the API (the JDBC pool exists only for Flyway at start-up).
 */
@Readiness
@ApplicationScoped
public class MigrationsReadiness implements AsyncHealthCheck {
    static final String NAME = "Database migrations";
    private static final String SQL = "select count(*) filter (where not success),"
            + " count(*) filter (where success and version = $1) from flyway_schema_history";

    private final Pool pool;
    private final MigrationTarget target;

    public MigrationsReadiness(Pool pool, MigrationTarget target) {
        this.pool = pool;
        this.target = target;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!target.known()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).down().withData("reason", "starting").build());
        }
        if (target.version().isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.up(NAME));
        }
        String expected = target.version().get();
        return pool.preparedQuery(SQL).execute(Tuple.of(expected))
                .map(rows -> verdict(rows.iterator().next(), expected))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }

    private static HealthCheckResponse verdict(Row row, String expected) {
        long failed = row.getLong(0);
        boolean applied = row.getLong(1) > 0;
        return HealthCheckResponse.named(NAME).status(failed == 0 && applied)
                .withData("expectedVersion", expected).withData("failedMigrations", failed).build();
    }
}
