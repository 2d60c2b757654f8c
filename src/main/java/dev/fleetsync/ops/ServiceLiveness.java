package dev.fleetsync.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the HTTP event loop answers: the probe's own answer is the check. It deliberately ignores the
 * database, so an outage of PostgreSQL takes replicas out of the Service (readiness) without restarting them.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("fleetsync");
    }
}
