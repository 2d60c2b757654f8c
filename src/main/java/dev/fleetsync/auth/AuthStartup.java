package dev.fleetsync.auth;

import dev.fleetsync.config.AuthConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * At start-up: warns of a missing page-token key, checks the robot-credential key (too short a key stops the start), refuses to run in production without principals, and in dev and test
 * mode prints the principals (with their development secrets) so a developer can point an SDK or the CLI at the service.
 */
@ApplicationScoped
public class AuthStartup {
    private static final Logger LOG = Logger.getLogger(AuthStartup.class);

    void start(@Observes StartupEvent event, AuthConfig config, Principals principals, RobotCredentialSecrets robotSecrets) {
        if (!robotSecrets.enabled() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("fleetsync.auth.robot-credential-key is not set: robot credentials can be neither issued nor used");
        }
        if (config.pageTokenKey().isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("fleetsync.auth.page-token-key is not set: page tokens are valid only on this instance until it restarts");
        }
        Collection<Principal> all = principals.all();
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            if (all.isEmpty()) {
                throw new IllegalStateException("No principals configured: set fleetsync.auth.principals (FLEETSYNC_AUTH_PRINCIPALS) "
                        + "or fleetsync.auth.principals-file; see docs/authentication.md");
            }
            all.forEach(p -> LOG.infof("Accepting access key %s for account %s", p.accessKeyId(), p.accountId()));
            return;
        }
        all.forEach(p -> LOG.infof("Development principal: access key id %s, secret access key %s, account %s",
                p.accessKeyId(), p.secretKey(), p.accountId()));
    }
}
