package dev.fleetsync.agent;

import dev.fleetsync.common.Notifications;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Listens on PostgreSQL for robots that a step admitted, on any instance, and wakes their polls held here.
 * The stepper's NOTIFY is sent on commit, so a woken robot always finds its deployment.
 */
@ApplicationScoped
public class WorkAnnouncements {
    private static final Logger LOG = Logger.getLogger(WorkAnnouncements.class);

    private final Notifications notifications;
    private final RobotWaiters waiters;

    public WorkAnnouncements(Notifications notifications, RobotWaiters waiters) {
        this.notifications = notifications;
        this.waiters = waiters;
    }

    void start(@Observes StartupEvent event) {
        if (!notifications.listen(Notifications.ROBOT_WORK, waiters::wake, () -> {
        })) {
            LOG.warn("No reactive datasource URL: robots waiting in a poll are not woken early");
        }
    }
}
