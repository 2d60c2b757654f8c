package dev.fleetsync.agent;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Robots whose poll is held open on this instance, waiting for work. A wait is a future and a timer, never a thread,
 * so thousands of robots can wait at once.
 */
@ApplicationScoped
public class RobotWaiters {
    private final Map<String, Set<CompletableFuture<Boolean>>> byRobot = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** Registers before the robot looks for work, so an announcement that lands in between is not missed. */
    public CompletableFuture<Boolean> register(String robotArn) {
        CompletableFuture<Boolean> wake = new CompletableFuture<>();
        byRobot.computeIfAbsent(robotArn, k -> ConcurrentHashMap.newKeySet()).add(wake);
        waiting.incrementAndGet();
        return wake;
    }

    /** Completes with true when work is announced for the robot, false on time-out or shutdown. */
    public Uni<Boolean> await(String robotArn, CompletableFuture<Boolean> wake, Duration timeout) {
        return Uni.createFrom().completionStage(wake)
                .ifNoItem().after(timeout).recoverWithItem(false)
                .eventually(() -> forget(robotArn, wake));
    }

    public void forget(String robotArn, CompletableFuture<Boolean> wake) {
        byRobot.computeIfPresent(robotArn, (k, set) -> {
            if (set.remove(wake)) {
                waiting.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    public void wake(String robotArn) {
        Set<CompletableFuture<Boolean>> wakes = byRobot.get(robotArn);
        if (wakes != null) {
            wakes.forEach(w -> w.complete(true));
        }
    }

    public int waiting() {
        return waiting.get();
    }

    /** On shutdown every held poll is answered at once (with no work), so the instance can stop promptly. */
    void releaseAll(@Observes ShutdownEvent event) {
        byRobot.values().forEach(set -> set.forEach(w -> w.complete(false)));
    }
}
