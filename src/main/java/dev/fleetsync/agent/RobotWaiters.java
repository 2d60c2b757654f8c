package dev.fleetsync.agent;

import dev.fleetsync.ops.Draining;
import dev.fleetsync.ops.FleetMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Robots whose poll is held open on this instance, waiting for work. A wait is a future and a timer, never a thread,
 * so thousands of robots can wait at once. When the instance starts draining, every held poll is answered at once with
 * no work, and no new poll is held: the robot polls again and reaches another replica.
 */
@ApplicationScoped
public class RobotWaiters {
    private final Map<String, Set<CompletableFuture<Boolean>>> byRobot = new ConcurrentHashMap<>();
    private final FleetMetrics metrics;
    private final Draining draining;

    public RobotWaiters(FleetMetrics metrics, Draining draining) {
        this.metrics = metrics;
        this.draining = draining;
        // One subscription for every poll (not one per poll, which would pile up on the never-completing signal).
        draining.whenDraining().subscribe().with(ignored -> releaseAll());
    }

    /** Registers before the robot looks for work, so an announcement that lands in between is not missed. */
    public CompletableFuture<Boolean> register(String robotArn) {
        CompletableFuture<Boolean> wake = new CompletableFuture<>();
        byRobot.computeIfAbsent(robotArn, k -> ConcurrentHashMap.newKeySet()).add(wake);
        return wake;
    }

    /**
     * Completes with true when work is announced for the robot, false on time-out or when draining. The wake was
     * registered before draining was checked here, so a drain that begins later still finds and releases it.
     */
    public Uni<Boolean> await(String robotArn, CompletableFuture<Boolean> wake, Duration timeout) {
        return Uni.createFrom().deferred(() -> {
            if (draining.draining()) {
                forget(robotArn, wake);
                return Uni.createFrom().item(false);
            }
            metrics.longPollStarted();
            AtomicBoolean ended = new AtomicBoolean();
            return Uni.createFrom().completionStage(wake)
                    .ifNoItem().after(timeout).recoverWithItem(false)
                    // item, failure or cancellation (the client went away): exactly one decrement, whichever comes
                    .onTermination().invoke(() -> {
                        if (ended.compareAndSet(false, true)) {
                            metrics.longPollEnded();
                        }
                        forget(robotArn, wake);
                    });
        });
    }

    public void forget(String robotArn, CompletableFuture<Boolean> wake) {
        byRobot.computeIfPresent(robotArn, (k, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }

    public void wake(String robotArn) {
        Set<CompletableFuture<Boolean>> wakes = byRobot.get(robotArn);
        if (wakes != null) {
            wakes.forEach(w -> w.complete(true));
        }
    }

    /** Answers every held poll with no work, so the instance can stop promptly. */
    private void releaseAll() {
        byRobot.values().forEach(set -> set.forEach(w -> w.complete(false)));
    }
}
