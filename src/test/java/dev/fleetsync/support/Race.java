package dev.fleetsync.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;

/** Races SDK calls: all of them start at once, and each outcome is the call's answer or the AWS error code it failed with. */
public final class Race {
    private static final long CALL_TIMEOUT_SECONDS = 60;

    private Race() {
    }

    /** Runs {@code call.apply(0 .. calls-1)} on {@code threads}, released together; "ok" or the error code, in call order. */
    public static List<String> run(ExecutorService threads, int calls, IntFunction<Callable<?>> call) throws Exception {
        return results(threads, calls, i -> {
            Callable<?> one = call.apply(i);
            return () -> {
                one.call();
                return "ok";
            };
        });
    }

    /** As {@link #run}, with each successful call's own answer (an ARN, say) in place of "ok". */
    public static List<String> results(ExecutorService threads, int calls, IntFunction<Callable<String>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Callable<String> one = call.apply(i);
            results.add(threads.submit(() -> {
                start.await();
                try {
                    return one.call();
                } catch (RoboMakerException e) {
                    return e.awsErrorDetails().errorCode();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)); // a hung call fails the test instead of hanging it
        }
        return outcomes;
    }
}
