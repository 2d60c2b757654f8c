package dev.fleetsync.support.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Thread-safe counters the simulated robots update as they go. */
final class SimulationRecorder {
    private static final int MAX_ERRORS_KEPT = 100;

    private final Map<String, Map<String, AtomicInteger>> handed = new ConcurrentHashMap<>();
    private final AtomicInteger deploying = new AtomicInteger();
    private final AtomicInteger maxDeploying = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    void handed(String robot, String job) {
        handed.computeIfAbsent(robot, r -> new ConcurrentHashMap<>()).computeIfAbsent(job, j -> new AtomicInteger()).incrementAndGet();
        maxDeploying.accumulateAndGet(deploying.incrementAndGet(), Math::max);
    }

    /** Called before the final report is sent, so the robot's window lies inside the service's. */
    void finishing() {
        deploying.decrementAndGet();
    }

    void succeeded() {
        succeeded.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    void aborted() {
        deploying.decrementAndGet();
        aborted.incrementAndGet();
    }

    void error(String robot, Throwable failure) {
        if (errorCount.incrementAndGet() <= MAX_ERRORS_KEPT) {
            errors.add(robot + ": " + failure);
        }
    }

    SimulationStats snapshot(int robots, Duration elapsed) {
        Map<String, Map<String, Integer>> counts = handed.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, j -> j.getValue().get()))));
        return new SimulationStats(robots, counts, maxDeploying.get(), succeeded.get(), failed.get(), aborted.get(), elapsed,
                List.copyOf(errors));
    }
}
