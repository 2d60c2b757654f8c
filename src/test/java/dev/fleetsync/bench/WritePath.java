package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Comparison;
import dev.fleetsync.bench.ClosedLoop.Figures;
import dev.fleetsync.bench.ClosedLoop.Outcome;
import dev.fleetsync.bench.SignedHttp.Answer;
import dev.fleetsync.bench.SignedHttp.Prepared;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Scenarios 1 to 4: fresh syncs, retries and conflicts at one concurrency, each through the service and then as raw SQL
 * on fleets of its own. Requests {@code 0..warmup-1} warm up and are not measured.
 */
final class WritePath {
    private static final long TIMEOUT_MILLIS = 60_000;

    private final SignedHttp http;
    private final ProcessStats service;
    private final RawSync raw;
    private final BenchSeed seed;
    private final int warmup;
    private final int measured;

    WritePath(SignedHttp http, ProcessStats service, RawSync raw, BenchSeed seed, int warmup, int measured) {
        this.http = http;
        this.service = service;
        this.raw = raw;
        this.seed = seed;
        this.warmup = warmup;
        this.measured = measured;
    }

    /** Seeds the fleets the runs at {@code clients} use: one fleet per fresh sync, for the service and for the raw SQL. */
    Fleets seed(int clients) {
        int count = warmup + measured;
        return new Fleets(clients, seed.fleets("svc" + clients + "x", count, 5, 1), seed.fleets("raw" + clients + "x", count, 5, 1));
    }

    record Fleets(int clients, List<BenchSeed.Fleet> service, List<BenchSeed.Fleet> raw) {
    }

    /** Fresh syncs, then retries of exactly those calls, then conflicting syncs on the fleets they left busy. */
    List<Comparison> run(Fleets fleets) {
        int clients = fleets.clients();
        String[] serviceJobs = new String[warmup + measured];
        String[] rawJobs = new String[warmup + measured];

        Prepared[] syncs = prepare(fleets.service(), i -> "svc-" + clients + "-" + i);
        Measured freshService = measureService("fresh syncs", clients, i -> http.send(syncs[i], TIMEOUT_MILLIS).map(a -> created(a, serviceJobs, i)));
        Figures freshRaw = measure(clients, i -> raw.sync("raw-" + clients + "-" + i, fleets.raw().get(i)).map(job -> {
            rawJobs[i] = job;
            return Outcome.OK;
        }));

        Prepared[] retries = prepare(fleets.service(), i -> "svc-" + clients + "-" + i);
        Measured retryService = measureService("retries", clients, i -> http.send(retries[i], TIMEOUT_MILLIS).map(a -> sameJob(a, serviceJobs[i])));
        Figures retryRaw = measure(clients, i -> raw.retry("raw-" + clients + "-" + i, fleets.raw().get(i))
                .map(job -> job.equals(rawJobs[i]) ? Outcome.OK : Outcome.unexpected("raw retry read " + job)));

        Prepared[] conflicts = prepare(fleets.service(), i -> "svc-conflict-" + clients + "-" + i);
        Measured conflictService = measureService("conflicts", clients, i -> http.send(conflicts[i], TIMEOUT_MILLIS).map(WritePath::concurrent));
        Figures conflictRaw = measure(clients, i -> raw.conflict("raw-conflict-" + clients + "-" + i, fleets.raw().get(i))
                .map(refused -> refused ? Outcome.OK : Outcome.unexpected("raw conflict committed a job")));

        return List.of(Comparison.of("fresh syncs", clients, freshService.figures(), freshService.cpuMillisPerCall(), freshRaw),
                Comparison.of("retries", clients, retryService.figures(), retryService.cpuMillisPerCall(), retryRaw),
                Comparison.of("conflicts", clients, conflictService.figures(), conflictService.cpuMillisPerCall(), conflictRaw));
    }

    /** A service phase's figures with the CPU time the service process spent per call in it. */
    private record Measured(Figures figures, double cpuMillisPerCall) {
    }

    /** Prints when the measured calls ran, so that a flight recording (-Dbench.jfr) can be cut to one scenario. */
    private Measured measureService(String scenario, int clients, IntFunction<Future<Outcome>> call) {
        ClosedLoop.run(clients, 0, warmup, call);
        double cpuBefore = service.cpuSeconds();
        Instant start = Instant.now();
        Figures figures = ClosedLoop.run(clients, warmup, warmup + measured, call);
        System.out.printf("[bench] service, %s at %d clients: measured from %s to %s%n", scenario, clients, start, Instant.now());
        return new Measured(figures, (service.cpuSeconds() - cpuBefore) * 1000 / figures.requests());
    }

    private Figures measure(int clients, IntFunction<Future<Outcome>> call) {
        ClosedLoop.run(clients, 0, warmup, call);
        return ClosedLoop.run(clients, warmup, warmup + measured, call);
    }

    /** Signed SyncDeploymentJob calls, call i on fleet i with token {@code token.apply(i)}, as the fleet's account. */
    private Prepared[] prepare(List<BenchSeed.Fleet> fleets, IntFunction<String> token) {
        Prepared[] prepared = new Prepared[warmup + measured];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = http.sign("/syncDeploymentJob", sync(token.apply(i), fleets.get(i).arn()), fleets.get(i).account());
        }
        return prepared;
    }

    static String sync(String token, String fleet) {
        return "{\"clientRequestToken\":\"" + token + "\",\"fleet\":\"" + fleet + "\"}";
    }

    private static Outcome created(Answer answer, String[] jobs, int index) {
        if (!answer.ok()) {
            return Outcome.unexpected("sync answered " + answer.status() + " " + answer.body());
        }
        jobs[index] = Json.string(answer.body(), "arn");
        return Outcome.OK;
    }

    private static Outcome sameJob(Answer answer, String job) {
        if (!answer.ok() || !job.equals(Json.string(answer.body(), "arn"))) {
            return Outcome.unexpected("retry answered " + answer.status() + " " + answer.body() + ", expected " + job);
        }
        return Outcome.OK;
    }

    private static Outcome concurrent(Answer answer) {
        boolean refused = answer.status() == 400 && answer.errorType() != null
                && answer.errorType().startsWith("ConcurrentDeploymentException");
        return refused ? Outcome.OK : Outcome.unexpected("conflict answered " + answer.status() + " " + answer.body());
    }
}
