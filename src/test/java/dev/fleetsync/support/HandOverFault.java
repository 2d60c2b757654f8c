package dev.fleetsync.support;

import dev.fleetsync.api.agent.AgentWire.PollResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A fault between the hand-over's commit and its answer, as when the instance dies there: once armed, the next poll
 * answered with an assignment has its connection closed instead, after the hand-over committed. Disarmed it does nothing,
 * so it can sit in every test application.
 */
public class HandOverFault {
    private static final AtomicBoolean ARMED = new AtomicBoolean();

    public static void arm() {
        ARMED.set(true);
    }

    public static boolean armed() {
        return ARMED.get();
    }

    @ServerResponseFilter
    public void loseTheAnswer(ContainerResponseContext response, HttpServerRequest request) {
        if (response.getEntity() instanceof PollResponse poll && poll.deploymentJob() != null && ARMED.compareAndSet(true, false)) {
            request.connection().close();
        }
    }
}
