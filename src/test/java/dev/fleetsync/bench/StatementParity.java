package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Parity;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Checks that the raw SQL is the service's SQL: counts, with pg_stat_statements, the statements (BEGIN and COMMIT
 * included) that a number of syncs and retries issue through the service and as raw SQL. The status-gauge recount that
 * the service runs on a timer is left out of the count.
 */
final class StatementParity {
    private static final String COUNTED = "select coalesce(sum(calls), 0) from pg_stat_statements where "
            + dev.fleetsync.support.BackgroundStatements.EXCLUDED;

    private final SignedHttp http;
    private final RawSync raw;
    private final BenchSeed seed;

    StatementParity(SignedHttp http, RawSync raw, BenchSeed seed) {
        this.http = http;
        this.raw = raw;
        this.seed = seed;
    }

    List<Parity> measure(int calls) {
        seed.execute("create extension if not exists pg_stat_statements");
        List<BenchSeed.Fleet> serviceFleets = seed.fleets("paritysvc", calls, 5, 1);
        List<BenchSeed.Fleet> rawFleets = seed.fleets("parityraw", calls, 5, 1);
        double serviceSync = perCall(calls, i -> send("parity-svc-" + i, serviceFleets.get(i)));
        double rawSync = perCall(calls, i -> BenchSeed.await(raw.sync("parity-raw-" + i, rawFleets.get(i))));
        double serviceRetry = perCall(calls, i -> send("parity-svc-" + i, serviceFleets.get(i)));
        double rawRetry = perCall(calls, i -> BenchSeed.await(raw.retry("parity-raw-" + i, rawFleets.get(i))));
        return List.of(new Parity("fresh sync", serviceSync, rawSync), new Parity("retry", serviceRetry, rawRetry));
    }

    private double perCall(int calls, IntConsumer call) {
        return perCall(seed, calls, call);
    }

    /** The statements {@code calls} calls issued, per call, as pg_stat_statements counts them (also {@link AgentParity}'s). */
    static double perCall(BenchSeed seed, int calls, IntConsumer call) {
        seed.execute("select pg_stat_statements_reset()");
        for (int i = 0; i < calls; i++) {
            call.accept(i);
        }
        return (double) seed.count(COUNTED) / calls;
    }

    private void send(String token, BenchSeed.Fleet fleet) {
        SignedHttp.Answer answer = BenchSeed.await(http.send(http.sign("/syncDeploymentJob", WritePath.sync(token, fleet.arn()),
                fleet.account()), 30_000));
        if (!answer.ok()) {
            throw new IllegalStateException("parity sync answered " + answer.status() + " " + answer.body());
        }
    }
}
