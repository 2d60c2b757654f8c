package dev.fleetsync.auth;

import dev.fleetsync.common.Notifications;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.config.AuthConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resolves robot credentials for the signature check: one primary-key read, then cached per instance. Every instance
 * listens for the database's revocation notices (sent on commit by a trigger, however a credential is removed) and
 * drops the credential at once; the cache's short TTL bounds how long a missed notice could keep one alive.
 */
@ApplicationScoped
public class RobotCredentials {
    static final String REVOKED_CHANNEL = "robot_credential_revoked";
    private static final Logger LOG = Logger.getLogger(RobotCredentials.class);
    private static final String FIND = "select account_id, robot_arn from robot_credential where access_key_id = $1";

    private final Pool pool;
    private final RobotCredentialSecrets secrets;
    private final RobotCredentialCache cache;
    private final Notifications notifications;

    public RobotCredentials(Pool pool, RobotCredentialSecrets secrets, AuthConfig config, Notifications notifications) {
        this.pool = pool;
        this.secrets = secrets;
        this.cache = new RobotCredentialCache(config.robotCredentialCacheTtl(), System::nanoTime);
        this.notifications = notifications;
    }

    /** The robot principal of the access key id; empty when it is no robot credential, was revoked, or none can be used. */
    public Uni<Optional<Principal>> find(String accessKeyId) {
        if (!secrets.enabled() || !RobotCredentialSecrets.isRobotKeyId(accessKeyId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<Principal> cached = cache.get(accessKeyId);
        if (cached.isPresent()) {
            return Uni.createFrom().item(cached);
        }
        long revocationsBefore = cache.revocationCount();
        return pool.preparedQuery(FIND).execute(Tuple.of(accessKeyId)).map(rows -> {
            Iterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return Optional.<Principal>empty();
            }
            Row row = found.next();
            Principal robot = Principal.robot(accessKeyId, secrets.secretOf(accessKeyId), row.getString("account_id"),
                    row.getString("robot_arn"));
            cache.put(robot, revocationsBefore);
            return Optional.of(robot);
        });
    }

    /**
     * Fails with UnrecognizedClientException when the request's robot credential has been revoked since the request was
     * verified; account principals, and credentials still in force, pass. A held poll asks this when it wakes, so a
     * credential revoked while its poll waited is handed nothing.
     */
    public Uni<Void> stillInForce(Principal caller) {
        if (!caller.isRobot()) {
            return Uni.createFrom().voidItem();
        }
        return find(caller.accessKeyId()).flatMap(found -> found.isPresent() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ServiceError.UNRECOGNIZED_CLIENT.exception(
                        "The robot credential " + caller.accessKeyId() + " was revoked")));
    }

    /** Drops a credential revoked by this instance now, without waiting for the notice. */
    public void revoked(String accessKeyId) {
        cache.revoke(accessKeyId);
    }

    /** Drops the cached credentials of a robot whose deletion has committed (the schema removed their rows). */
    public void robotDeleted(String accountId, String robotArn) {
        cache.revokeRobot(accountId, robotArn);
    }

    void start(@Observes StartupEvent event) {
        // (re)subscribed: notices sent while we were not listening are lost, so trust nothing cached before
        if (!notifications.listen(REVOKED_CHANNEL, cache::revoke, cache::clear)) {
            LOG.warn("No reactive datasource URL: revoked robot credentials are dropped only when their cache entries expire");
        }
    }
}
