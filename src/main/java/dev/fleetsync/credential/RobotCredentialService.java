package dev.fleetsync.credential;

import dev.fleetsync.auth.RobotCredentialSecrets;
import dev.fleetsync.auth.RobotCredentials;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.robot.RobotDeleted;
import dev.fleetsync.robot.RobotRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;

/**
 * Issuing, listing and revoking robot credentials, for an account principal. A robot holds at most two, so it can be
 * moved to a new one before the old one is revoked (as with IAM access keys). Another account's robot or credential
 * is reported exactly as a missing one.
 */
@ApplicationScoped
public class RobotCredentialService {
    public static final int MAX_PER_ROBOT = 2;

    private final RobotCredentialRepository credentials;
    private final RobotRepository robots;
    private final RobotCredentialSecrets secrets;
    private final RobotCredentials verified;
    private final Clock clock;

    public RobotCredentialService(RobotCredentialRepository credentials, RobotRepository robots, RobotCredentialSecrets secrets,
            RobotCredentials verified, Clock clock) {
        this.credentials = credentials;
        this.robots = robots;
        this.secrets = secrets;
        this.verified = verified;
        this.clock = clock;
    }

    /** Heard here rather than in auth, which knows credentials but not robots. */
    void robotDeleted(@Observes RobotDeleted robot) {
        verified.robotDeleted(robot.accountId(), robot.arn());
    }

    /** The robot's row is locked, so concurrent issues cannot pass the limit together and a concurrent delete waits. */
    @WithTransaction
    public Uni<IssuedCredential> create(String accountId, String robotArn) {
        if (!secrets.enabled()) {
            return Uni.createFrom().failure(ServiceError.ACCESS_DENIED.exception(
                    "Robot credentials are not enabled on this service: fleetsync.auth.robot-credential-key is not set"));
        }
        return robots.findForUpdate(accountId, robotArn)
                .onItem().ifNull().failWith(() -> robotNotFound(robotArn))
                .chain(robot -> credentials.countOfRobot(accountId, robotArn))
                .chain(count -> {
                    if (count >= MAX_PER_ROBOT) {
                        return Uni.createFrom().failure(ServiceError.LIMIT_EXCEEDED.exception("Robot " + robotArn + " already has "
                                + MAX_PER_ROBOT + " credentials, the most it may hold; delete one first"));
                    }
                    RobotCredential credential = new RobotCredential();
                    credential.accessKeyId = secrets.newAccessKeyId();
                    credential.accountId = accountId;
                    credential.robotArn = robotArn;
                    credential.createdAt = Timestamps.now(clock);
                    return credentials.persist(credential);
                })
                .map(saved -> new IssuedCredential(saved.accessKeyId, secrets.secretOf(saved.accessKeyId), saved.robotArn, saved.createdAt));
    }

    @WithSession
    public Uni<List<RobotCredential>> list(String accountId, String robotArn) {
        return robots.find(accountId, robotArn)
                .onItem().ifNull().failWith(() -> robotNotFound(robotArn))
                .chain(robot -> credentials.ofRobot(accountId, robotArn));
    }

    /** Revokes at once here; the other instances hear of it from the database when this commits. */
    public Uni<Void> delete(String accountId, String accessKeyId) {
        return Panache.withTransaction(() -> credentials.find(accountId, accessKeyId)
                        .onItem().ifNull().failWith(() -> ServiceException.notFound("Robot credential " + accessKeyId + " does not exist"))
                        .call(credentials::delete))
                .invoke(() -> verified.revoked(accessKeyId))
                .replaceWithVoid();
    }

    private static ServiceException robotNotFound(String robotArn) {
        return ServiceException.notFound("Robot " + robotArn + " does not exist");
    }
}
