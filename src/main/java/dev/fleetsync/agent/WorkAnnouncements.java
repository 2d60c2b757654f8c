package dev.fleetsync.agent;

import dev.fleetsync.deployment.rollout.RolloutSql;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Listens on PostgreSQL for robots that a step admitted, on any instance, and wakes their polls held here.
 * The stepper's NOTIFY is sent on commit, so a woken robot always finds its deployment.
 */
@ApplicationScoped
public class WorkAnnouncements {
    private static final Logger LOG = Logger.getLogger(WorkAnnouncements.class);

    private final Vertx vertx;
    private final RobotWaiters waiters;
    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public WorkAnnouncements(Vertx vertx, RobotWaiters waiters,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.waiters = waiters;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (url.isEmpty()) {
            LOG.warn("No reactive datasource URL: robots waiting in a poll are not woken early");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get());
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(RolloutSql.WORK_CHANNEL).handler(waiters::wake);
        subscriber.connect().onFailure(e -> LOG.warn("Could not listen for robot work announcements; retrying", e));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
