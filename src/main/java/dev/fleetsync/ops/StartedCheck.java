package dev.fleetsync.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once start-up finished: migrations ran (Flyway runs before start-up completes) and their target is read.
 * Until then Kubernetes holds off the liveness probe, so a slow first migration does not get the pod killed.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
    private final MigrationTarget target;

    public StartedCheck(MigrationTarget target) {
        this.target = target;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("fleetsync started").status(target.known()).build();
    }
}
