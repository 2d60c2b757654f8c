package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Comparison;
import dev.fleetsync.bench.ClosedLoop.Figures;
import dev.fleetsync.bench.ClosedLoop.Outcome;
import dev.fleetsync.bench.SignedHttp.Answer;
import dev.fleetsync.bench.SignedHttp.Prepared;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Scenarios 1 to 4: fresh syncs, retries and conflicts at one concurrency, each through the service and then as raw SQL
 * on fleets of its own. Requests {@code 0..warmup-1} of each phase warm its connections and code paths up and are not
 * measured; {@link JitWarmUp} has run whole rounds of the scenarios before, until both JVMs' compilers had settled.
 */
final class WritePath {
    private static final long TIMEOUT_MILLIS = 60_000;

    private final SignedHttp http;
    private final ProcessStats service;
    private final CpuAccount cpu;
    private final RawSync raw;
    private final BenchSeed seed;
    private final int warmup;
    private final int measured;

    WritePath(SignedHttp http, ProcessStats service, CpuAccount cpu, RawSync raw, BenchSeed seed, int warmup, int measured) {
        this.http = http;
        this.service = service;
        this.cpu = cpu;
        this.raw = raw;
        this.seed = seed;
        this.warmup = warmup;
        this.measured = measured;
    }

    /** Seeds the fleets the runs at {@code clients} use: one fleet per fresh sync, for the service and for the raw SQL. */
    Fleets seed(int clients) {
        return seed(String.valueOf(clients), clients, warmup + measured);
    }

    /** Seeds {@code calls} fleets each way for a run named {@code tag} at {@code clients} (a concurrency, or a warm-up round). */
    Fleets seed(String tag, int clients, int calls) {
        return new Fleets(tag, clients, seed.fleets("svc" + tag + "x", calls, 5, 1), seed.fleets("raw" + tag + "x", calls, 5, 1));
    }

    /** The fleets of one run, named by {@code tag} (tokens and batches carry it, so no two runs share one). */
    record Fleets(String tag, int clients, List<BenchSeed.Fleet> service, List<BenchSeed.Fleet> raw) {
    }

    /** Fresh syncs, then retries of exactly those calls, then conflicting syncs on the fleets they left busy. */
    List<Comparison> run(Fleets fleets) {
        return scenarios(fleets, this::measure);
    }

    /**
     * Every call of the three scenarios once, through the service and as raw SQL, unmeasured: a warm-up round (see
     * {@link JitWarmUp}). An unexpected answer fails the run, as it would count as an error in a measured phase.
     */
    void exercise(Fleets fleets) {
        scenarios(fleets, unmeasured(fleets.service().size()));
    }

    /** A phase of {@code calls} calls run unmeasured, failing on an unexpected answer: a warm-up round's. */
    static Phase unmeasured(int calls) {
        return (scenario, throughService, clients, call) -> {
            Figures figures = ClosedLoop.run(clients, 0, calls, call);
            if (figures.errors() > 0) {
                throw new IllegalStateException("warm-up, " + scenario + ": " + figures.errors() + " unexpected answers, the first: "
                        + figures.firstError());
            }
            return new Measured(figures, CpuAccount.PerCall.NONE, Double.NaN);
        };
    }

    /** Runs one phase of a scenario, through the service or as raw SQL, over the calls {@code call} makes. */
    @FunctionalInterface
    interface Phase {
        Measured run(String scenario, boolean throughService, int clients, IntFunction<Future<Outcome>> call);
    }

    private List<Comparison> scenarios(Fleets fleets, Phase phase) {
        int clients = fleets.clients();
        String tag = fleets.tag();
        int calls = fleets.service().size();
        String[] serviceJobs = new String[calls];
        String[] rawJobs = new String[calls];

        Prepared[] syncs = prepare(fleets.service(), i -> "svc-" + tag + "-" + i);
        Measured freshService = phase.run("fresh syncs", true, clients,
                i -> http.send(syncs[i], TIMEOUT_MILLIS).map(a -> created(a, serviceJobs, i)));
        Measured freshRaw = phase.run("fresh syncs", false, clients, i -> raw.sync("raw-" + tag + "-" + i, fleets.raw().get(i)).map(job -> {
            rawJobs[i] = job;
            return Outcome.OK;
        }));

        Prepared[] retries = prepare(fleets.service(), i -> "svc-" + tag + "-" + i);
        Measured retryService = phase.run("retries", true, clients,
                i -> http.send(retries[i], TIMEOUT_MILLIS).map(a -> sameJob(a, serviceJobs[i])));
        Measured retryRaw = phase.run("retries", false, clients, i -> raw.retry("raw-" + tag + "-" + i, fleets.raw().get(i))
                .map(job -> job.equals(rawJobs[i]) ? Outcome.OK : Outcome.unexpected("raw retry read " + job)));

        Prepared[] conflicts = prepare(fleets.service(), i -> "svc-conflict-" + tag + "-" + i);
        Measured conflictService = phase.run("conflicts", true, clients,
                i -> http.send(conflicts[i], TIMEOUT_MILLIS).map(WritePath::concurrent));
        Measured conflictRaw = phase.run("conflicts", false, clients, i -> raw.conflict("raw-conflict-" + tag + "-" + i, fleets.raw().get(i))
                .map(refused -> refused ? Outcome.OK : Outcome.unexpected("raw conflict committed a job")));

        return List.of(Comparison.of("fresh syncs", clients, freshService, freshRaw),
                Comparison.of("retries", clients, retryService, retryRaw),
                Comparison.of("conflicts", clients, conflictService, conflictRaw));
    }

    /**
     * A phase's figures, the CPU the machine's processes spent per call in it, and the part of the service's that its JIT
     * took (NaN for the raw SQL, which has no service).
     */
    record Measured(Figures figures, CpuAccount.PerCall cpu, double jitMillisPerCall) {
    }

    /**
     * A measured phase: its warm-up calls, the database settled, then its measured calls (also {@link AgentPath}'s).
     * Prints when the measured calls ran, so that a flight recording (-Dbench.jfr) can be cut to one scenario.
     */
    Measured measure(String scenario, boolean throughService, int clients, IntFunction<Future<Outcome>> call) {
        ClosedLoop.run(clients, 0, warmup, call);
        seed.settle();
        StatementProfile.reset(seed);
        Map<String, Long> jitBefore = service.compilerTicks();
        CpuAccount.Snapshot before = cpu.snapshot();
        Instant start = Instant.now();
        Figures figures = ClosedLoop.run(clients, warmup, warmup + measured, call);
        CpuAccount.PerCall perCall = cpu.perCallSince(before, figures.requests());
        StatementProfile.print(seed, (throughService ? "service, " : "raw SQL, ") + scenario + " at " + clients + " clients", figures.requests());
        if (!throughService) {
            return new Measured(figures, perCall, Double.NaN);
        }
        System.out.printf("[bench] service, %s at %d clients: measured from %s to %s%n", scenario, clients, start, Instant.now());
        double jitSeconds = ProcessStats.compilerSecondsBetween(jitBefore, service.compilerTicks());
        return new Measured(figures, perCall, jitSeconds * 1000 / figures.requests());
    }

    /** Signed SyncDeploymentJob calls, call i on fleet i with token {@code token.apply(i)}, as the fleet's account. */
    private Prepared[] prepare(List<BenchSeed.Fleet> fleets, IntFunction<String> token) {
        Prepared[] prepared = new Prepared[fleets.size()];
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
