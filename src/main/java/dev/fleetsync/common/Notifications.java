package dev.fleetsync.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The instance's one connection that LISTENs to PostgreSQL notifications, whatever the channels: one connection per
 * instance however many listeners (the work announcements, credential revocations), reconnected after a failure.
 * Notifications are sent on commit, so a listener never hears of a change it cannot read yet.
 */
@ApplicationScoped
public class Notifications {
    /** Robots a rollout step admitted, announced to whichever instance holds their poll (agent/WorkAnnouncements). */
    public static final String ROBOT_WORK = "fleetsync_robot_work";
    /**
     * An account's events were numbered (payload: the account id), sent by migration V13's {@code event_number_committed}
     * once per numbering run (events/EventNumbering).
     */
    public static final String EVENTS = "fleetsync_events";

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final PgSubscriber subscriber;

    public Notifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        if (url.isEmpty()) {
            subscriber = null;
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get());
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
    }

    /**
     * Hands every notification of the channel to {@code handler}; {@code subscribed} runs each time the channel is
     * (re)subscribed, after which notices sent while nobody listened are lost. False when there is no database to
     * listen to, so the caller can say what it does without.
     */
    public boolean listen(String channel, Handler<String> handler, Runnable subscribed) {
        if (subscriber == null) {
            return false;
        }
        subscriber.channel(channel).handler(handler).subscribeHandler(v -> subscribed.run());
        return true;
    }

    void start(@Observes StartupEvent event) {
        if (subscriber != null) {
            subscriber.connect().onFailure(e -> LOG.warn("Could not listen for database notifications; retrying", e));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
