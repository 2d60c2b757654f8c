package dev.fleetsync.ops;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;

/**
 * Tells long-lived work that this replica is going away. Shutdown starts with a delay (readiness DOWN, requests
 * still served); long polls should answer at once when it begins, so they finish well inside the shutdown timeout
 * and the caller polls again on another replica.
 */
@ApplicationScoped
public class Draining {
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    void delayStarted(@Observes ShutdownDelayInitiatedEvent event) {
        started.complete(null);
    }

    void shutdown(@Observes ShutdownEvent event) {
        started.complete(null);
    }

    /** Whether shutdown has begun. */
    public boolean draining() {
        return started.isDone();
    }

    /**
     * Completes when shutdown begins (at once if it has). Each subscriber gets a copy of the signal: Mutiny cancels the
     * stage it was given when a subscriber cancels, and that must never mark this replica as draining.
     */
    public Uni<Void> whenDraining() {
        return Uni.createFrom().completionStage(started::copy);
    }
}
