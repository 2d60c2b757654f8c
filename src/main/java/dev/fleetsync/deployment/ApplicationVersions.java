package dev.fleetsync.deployment;

import dev.fleetsync.application.RobotApplicationService;
import dev.fleetsync.application.VersionRef;
import dev.fleetsync.common.ServiceError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks that a job deploys a numbered application version that exists in the caller's account. */
@ApplicationScoped
public class ApplicationVersions {
    private final RobotApplicationService applications;

    public ApplicationVersions(RobotApplicationService applications) {
        this.applications = applications;
    }

    /**
     * The version's number, in the caller's session; a missing version is ResourceNotFoundException naming it, and so
     * is text that is no number this service could have made (0, or too large).
     */
    public Uni<Integer> require(String accountId, String applicationArn, String version) {
        int number = VersionRef.parse(version).number().orElse(0); // read as versions are everywhere: 0 never exists
        if (number <= 0) {
            return Uni.createFrom().failure(missing(applicationArn, version));
        }
        return applications.versionExists(accountId, applicationArn, number)
                .flatMap(exists -> exists ? Uni.createFrom().item(number) : Uni.createFrom().failure(missing(applicationArn, version)));
    }

    private static RuntimeException missing(String applicationArn, String version) {
        return ServiceError.RESOURCE_NOT_FOUND.exception("Robot application " + applicationArn + " has no version " + version);
    }
}
