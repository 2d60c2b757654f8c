package dev.fleetsync.deployment;

import dev.fleetsync.ops.CountedStatuses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Deployment jobs by status, as {@code fleetsync_deployment_jobs}. */
@ApplicationScoped
public class JobStatusGauge implements CountedStatuses {
    @Override
    public String gauge() {
        return "fleetsync.deployment.jobs";
    }

    @Override
    public String description() {
        return "Deployment jobs by status";
    }

    @Override
    public String table() {
        return "deployment_job";
    }

    @Override
    public List<String> statuses() {
        return Arrays.stream(DeploymentStatus.values()).map(Enum::name).toList();
    }
}
