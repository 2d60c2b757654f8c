package dev.fleetsync.deployment;

import dev.fleetsync.application.RobotApplicationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks that a job deploys a numbered application version that exists in the caller's account. */
@ApplicationScoped
public class ApplicationVersions {
    private final RobotApplicationService applications;

    public ApplicationVersions(RobotApplicationService applications) {
        this.applications = applications;
    }

    /** Runs in the caller's session; a missing version is ResourceNotFoundException naming it. */
    public Uni<Void> require(String accountId, String applicationArn, int version) {
        return applications.versionExists(accountId, applicationArn, version)
                .flatMap(exists -> exists ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(DeploymentJobService.versionMissing(applicationArn, version)));
    }
}
