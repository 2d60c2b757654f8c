package dev.fleetsync.bench;

import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} callers, each sending its next request when the previous one is answered, through
 * requests {@code from .. to-1}. Latency is recorded per request in an HdrHistogram; an answer the scenario did not expect
 * counts as an error (and the first one is kept to show).
 */
final class ClosedLoop {
    /** What a scenario's call reports: whether the answer was the expected one, and a description when not. */
    record Outcome(boolean expected, String unexpected) {
        static final Outcome OK = new Outcome(true, null);

        static Outcome unexpected(String what) {
            return new Outcome(false, what);
        }
    }

    /** The figures of one measured phase. */
    record Figures(long requests, double seconds, Histogram latencyMicros, long errors, String firstError) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private ClosedLoop() {
    }

    static Figures run(int clients, int from, int to, IntFunction<Future<Outcome>> call) {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger running = new AtomicInteger(clients);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            loop(next, to, call, latency, errors, firstError, () -> {
                if (running.decrementAndGet() == 0) {
                    done.complete(null);
                }
            });
        }
        done.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figures(to - from, seconds, latency, errors.get(), firstError.get());
    }

    private static void loop(AtomicInteger next, int to, IntFunction<Future<Outcome>> call, Histogram latency, AtomicLong errors,
            AtomicReference<String> firstError, Runnable finished) {
        int index = next.getAndIncrement();
        if (index >= to) {
            finished.run();
            return;
        }
        long sent = System.nanoTime();
        Future<Outcome> answer;
        try {
            answer = call.apply(index);
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        answer.onComplete(result -> {
            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
            Outcome outcome = result.succeeded() ? result.result() : Outcome.unexpected(String.valueOf(result.cause()));
            if (!outcome.expected()) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, outcome.unexpected());
            }
            loop(next, to, call, latency, errors, firstError, finished);
        });
    }
}
