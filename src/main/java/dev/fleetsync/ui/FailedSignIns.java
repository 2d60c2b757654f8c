package dev.fleetsync.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per key (an access key id, a client address), in memory per instance: after {@code limit} failures
 * within {@code window} the key is refused until its oldest counted failure leaves the window, right secret or not, so
 * a secret cannot be guessed faster than {@code limit} tries per window and instance. A success does not reset the
 * count: the failures were still made.
 */
final class FailedSignIns {
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailedSignIns(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Whether the key may try to sign in at {@code now}. */
    boolean allows(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return true;
        }
        synchronized (times) {
            prune(times, now);
            return times.size() < limit;
        }
    }

    /** Counts a failed try of the key at {@code now}. */
    void fail(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
        failures.values().removeIf(Deque::isEmpty); // keys whose failures all left the window cost no memory
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldestCounted = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestCounted)) {
            times.removeFirst();
        }
    }
}
