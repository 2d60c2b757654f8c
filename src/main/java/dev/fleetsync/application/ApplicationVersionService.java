package dev.fleetsync.application;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.UniqueViolations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** CreateRobotApplicationVersion: numbered snapshots of $LATEST. */
@ApplicationScoped
public class ApplicationVersionService {
    static final String VERSION_KEY = "pk_robot_application_version";
    static final int COLLISION_RETRIES = 3;

    private final VersionSnapshots snapshots;

    public ApplicationVersionService(VersionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * The head's row lock already serializes numbering; should two attempts still pick one number (the primary key
     * says so at commit), the loser runs again in a fresh transaction, and after {@value #COLLISION_RETRIES} retries
     * answers ThrottlingException, which the SDKs retry, rather than a 500.
     */
    public Uni<ApplicationView> createVersion(String accountId, String arn, String currentRevisionId, List<String> s3Etags,
            String imageDigest) {
        return Uni.createFrom().deferred(() -> snapshots.snapshot(accountId, arn, currentRevisionId, s3Etags, imageDigest))
                .onFailure(ApplicationVersionService::isCollision).retry().atMost(COLLISION_RETRIES)
                .onFailure(ApplicationVersionService::isCollision).transform(t -> ServiceError.THROTTLING.exception(
                        "Versions of " + arn + " are being created concurrently; retry the request"));
    }

    static boolean isCollision(Throwable failure) {
        return UniqueViolations.isUnique(failure, VERSION_KEY);
    }
}
