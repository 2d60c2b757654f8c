package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.bench.BenchReport.Startup;
import dev.fleetsync.support.sim.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 5, run by {@code ./mvnw -Pbench verify} (see docs/benchmarks.md): the packaged service against
 * the raw SQL of its write path on one PostgreSQL, then fleet sizes, robots long-polling, and start-up. Figures go to
 * target/bench/results.md and results.json. Only an unexpected error fails the run; targets are reported, not asserted.
 */
class SyncBenchmark {
    /** The heap and collector the JVM image gets under the 512 Mi limit of deploy/ (run-java.sh: half the limit, ParallelGC). */
    private static final List<String> CONTAINER_JVM = List.of("-Xmx256m", "-XX:+UseParallelGC");
    /** With {@code -Dbench.jfr}, each instance records a flight recording to target/bench/ for profiling. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** The service's reactive pool size (application.properties); the raw SQL gets as many connections. */
    private static final int POOL = 20;

    private final int warmup = Integer.getInteger("bench.warmup", 1000);
    private final int requests = Integer.getInteger("bench.requests", 3000);
    private final int[] clients = ints(System.getProperty("bench.clients", "1,16,64"));
    private final int[] fleetSizes = ints(System.getProperty("bench.fleet-sizes", "100,1000,10000"));
    private final int robots = Integer.getInteger("bench.robots", 2000);
    /** Issue 16: the concurrencies of the idle-poll and report scenarios (empty to skip), the rollout's and the held polls' robots (0 to skip). */
    private final int[] agentClients = ints(System.getProperty("bench.agent-clients", "16,64"));
    /** Robot calls are cheap: 3,000 idle polls were gone in 0.35 s, too short a phase for stable figures or a profile. */
    private final int agentRequests = Integer.getInteger("bench.agent-requests", 20_000);
    private final int rolloutRobots = Integer.getInteger("bench.rollout-robots", 10_000);
    private final int heldPolls = Integer.getInteger("bench.held-polls", 10_000);
    private final int jitRounds = Integer.getInteger("bench.jit-rounds", 30);
    private final int jitRoundCalls = Integer.getInteger("bench.jit-round-calls", 1000);
    /**
     * {@code -Dbench.events=false}: the write path with the event triggers of migration V8 disabled, so nothing is
     * recorded; run once each way to see what recording events costs the service and the database per call.
     */
    private final boolean events = Boolean.parseBoolean(System.getProperty("bench.events", "true"));
    /** The compilers' share of a JVM's CPU in a warm-up round below which the JVM counts as warm. */
    private static final double JIT_SETTLED = 0.10;
    /** The concurrency of the warm-up rounds: the middle of the measured ones, where the targets are set. */
    private static final int WARM_UP_CLIENTS = 16;

    @Test
    void run() throws Exception {
        BenchReport report = new BenchReport();
        BenchDatabase database = BenchDatabase.start();
        Vertx vertx = Vertx.vertx();
        Pool pool = database.pool(vertx, POOL);
        BenchSeed seed = new BenchSeed(pool);
        try {
            Machine.describe(report.machine, seed);
            apiScenarios(report, database, vertx, pool, seed);
            if (robots > 0) {
                robotScenario(report, database, vertx, seed);
            }
            if (heldPolls > 0) {
                report.heldPolls = waiting(database, vertx, seed, "held", heldPolls);
            }
            if (rolloutRobots > 0) {
                rolloutScenario(report, database, vertx, pool, seed);
            }
        } finally {
            pool.close();
            vertx.close();
        }
        report.targets.addAll(BenchTargets.of(report));
        report.write(Path.of("target", "bench"));
        System.out.println("BENCH results (target/bench/results.md):\n" + report.markdown());
        assertThat(report.unexpectedErrors()).as("unexpected errors; see the BENCH lines above").isZero();
    }

    private void apiScenarios(BenchReport report, BenchDatabase database, Vertx vertx, Pool pool, BenchSeed seed) throws Exception {
        Map<String, String> settings = serviceSettings(database);
        // the write path alone: no rollout steps the jobs the syncs create (the robot scenario runs with it)
        settings.put("fleetsync.rollout.enabled", "false");
        // the seeded fleets belong to thousands of accounts (BenchSeed.fleets), each with a principal of its own
        robotThrottleOff(settings);
        settings.put("fleetsync.auth.principals-file", BenchPrincipals.writeFile(Path.of("target", "bench")).toAbsolutePath().toString());
        try (ServiceProcess service = ServiceProcess.start("bench-api", settings, STARTUP, jvm("bench-api"));
                SignedHttp http = new SignedHttp(vertx, service.endpoint())) {
            double readyMillis = awaitReady(service);
            ProcessStats stats = new ProcessStats(service.pid());
            Thread.sleep(2000);
            double idle = stats.residentMiB();

            seed.application();
            if (!events) {
                seed.disableEventTriggers();
                report.machine.put("events", "off (bench.events=false: event triggers disabled)");
            }
            RawSync raw = new RawSync(pool);
            report.parity.addAll(new StatementParity(http, raw, seed).measure(20));
            ProcessStats generator = new ProcessStats(ProcessHandle.current().pid());
            CpuAccount cpu = new CpuAccount(stats, generator, CpuAccount.postmasterOf(Long.parseLong(seed.text("select pg_backend_pid()::text"))));
            WritePath writePath = new WritePath(http, stats, cpu, raw, seed, warmup, requests);
            List<WritePath.Fleets> fleets = Arrays.stream(clients).mapToObj(writePath::seed).toList();
            seed.analyze();
            report.warmUp.addAll(JitWarmUp.run(stats, generator, jitRounds, JIT_SETTLED, round -> {
                WritePath.Fleets warm = writePath.seed("warm" + round, WARM_UP_CLIENTS, jitRoundCalls);
                return () -> writePath.exercise(warm);
            }));
            report.warmUpRoundCalls = jitRoundCalls;
            DoubleAccumulator peak = new DoubleAccumulator(Math::max, idle);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulate(stats.residentMiB()), 0, 250, TimeUnit.MILLISECONDS);
            try {
                for (WritePath.Fleets each : fleets) {
                    report.comparisons.addAll(writePath.run(each));
                    System.out.println("BENCH done at " + each.clients() + " clients");
                }
            } finally {
                sampler.shutdownNow();
            }
            if (agentClients.length > 0) {
                agentScenarios(report, http, pool, writePath, seed, stats, generator);
            }
            if (fleetSizes.length > 0) {
                report.fleetSizes.addAll(new FleetSizes(http, seed).run(5, fleetSizes));
            }
            Thread.sleep(5000);
            report.startup = new Startup(readyMillis, idle, peak.get(), stats.residentMiB());
        }
    }

    /** Issue 16, scenarios 1 and 2: the statement counts of both sides first, then each concurrency. */
    private void agentScenarios(BenchReport report, SignedHttp http, Pool pool, WritePath writePath, BenchSeed seed,
            ProcessStats stats, ProcessStats generator) {
        AgentRaw raw = new AgentRaw(pool);
        AgentPath agent = new AgentPath(http, raw, writePath, seed, warmup + agentRequests);
        report.parity.addAll(AgentParity.measure(http, raw, seed, 20));
        // the write path's warm-up compiled little of the robot protocol's path: its own rounds, by the same rule
        report.agentWarmUp.addAll(JitWarmUp.run(stats, generator, jitRounds, JIT_SETTLED,
                round -> () -> agent.exercise(round, WARM_UP_CLIENTS, jitRoundCalls)));
        for (int each : agentClients) {
            report.comparisons.addAll(agent.run(each));
            System.out.println("BENCH robot protocol done at " + each + " clients");
        }
    }

    /** Issue 16, scenario 4: {@code size} robots long-poll an instance of their own, after a warm-up rollout of 50. */
    private static BenchReport.Waiting waiting(BenchDatabase database, Vertx vertx, BenchSeed seed, String batch, int size) throws Exception {
        seed.finishActiveJobs();
        String warmFleet = seed.emptyFleetOf(batch + "warm", 50);
        String fleet = seed.emptyFleetOf(batch, size);
        Map<String, String> settings = serviceSettings(database);
        robotThrottleOff(settings);
        try (ServiceProcess service = ServiceProcess.start("bench-" + batch, settings, STARTUP, jvm("bench-" + batch));
                SignedHttp http = new SignedHttp(vertx, service.endpoint())) {
            awaitReady(service);
            ProcessStats stats = new ProcessStats(service.pid());
            HeldPolls held = new HeldPolls(service.endpoint());
            new RobotsWaiting(http, stats, held).run(warmFleet, BenchSeed.robotsOf(batch + "warm", 50), BenchSeed.APPLICATION, 1_000);
            return new RobotsWaiting(http, stats, held).run(fleet, BenchSeed.robotsOf(batch, size), BenchSeed.APPLICATION, 10_000);
        }
    }

    /** Issue 16, scenario 3: the rollout on one instance, then on two sharing the database, each after a warm-up rollout of 200. */
    private void rolloutScenario(BenchReport report, BenchDatabase database, Vertx vertx, Pool pool, BenchSeed seed) throws Exception {
        seed.finishActiveJobs();
        Map<String, String> settings = serviceSettings(database);
        robotThrottleOff(settings);
        ProcessStats generator = new ProcessStats(ProcessHandle.current().pid());
        long postmaster = CpuAccount.postmasterOf(Long.parseLong(seed.text("select pg_backend_pid()::text")));
        try (ServiceProcess first = ServiceProcess.start("bench-rollout-1", settings, STARTUP, jvm("bench-rollout-1"))) {
            awaitReady(first);
            List<ProcessStats> one = List.of(new ProcessStats(first.pid()));
            CpuAccount cpu = new CpuAccount(one.get(0), generator, postmaster);
            new RolloutRun(vertx, pool, seed, cpu, one, List.of(first.endpoint())).run("rolloutwarm1", 200);
            report.rollouts.add(new RolloutRun(vertx, pool, seed, cpu, one, List.of(first.endpoint())).run("rollout1", rolloutRobots));
            try (ServiceProcess second = ServiceProcess.start("bench-rollout-2", settings, STARTUP, jvm("bench-rollout-2"))) {
                awaitReady(second);
                List<ProcessStats> two = List.of(one.get(0), new ProcessStats(second.pid()));
                List<URI> endpoints = List.of(first.endpoint(), second.endpoint());
                new RolloutRun(vertx, pool, seed, cpu, two, endpoints).run("rolloutwarm2", 200);
                report.rollouts.add(new RolloutRun(vertx, pool, seed, cpu, two, endpoints).run("rollout2", rolloutRobots));
            }
        }
    }

    /**
     * The robot protocol's per-account throttle (1,000 requests/s, bursts of 4,000) would refuse the polls of one account's
     * 10,000 robots at once, and any load of the robot scenarios above that rate: it is a policy, not a cost, so it is lifted.
     */
    private static void robotThrottleOff(Map<String, String> settings) {
        settings.put("fleetsync.auth.agent-throttle.rate", "1000000");
        settings.put("fleetsync.auth.agent-throttle.burst", "1000000");
    }

    private void robotScenario(BenchReport report, BenchDatabase database, Vertx vertx, BenchSeed seed) throws Exception {
        seed.finishActiveJobs();
        String warmFleet = seed.emptyFleetOf("warming", 50);
        String fleet = seed.emptyFleetOf("waiting", robots);
        try (ServiceProcess service = ServiceProcess.start("bench-robots", serviceSettings(database), STARTUP, jvm("bench-robots"));
                SignedHttp http = new SignedHttp(vertx, service.endpoint())) {
            awaitReady(service);
            ProcessStats stats = new ProcessStats(service.pid());
            HeldPolls held = new HeldPolls(service.endpoint());
            // a first, small rollout runs the code paths once, as a service that has been up a while has
            new RobotsWaiting(http, stats, held).run(warmFleet, BenchSeed.robotsOf("warming", 50), BenchSeed.APPLICATION, 1_000);
            report.waiting = new RobotsWaiting(http, stats, held).run(fleet, BenchSeed.robotsOf("waiting", robots), BenchSeed.APPLICATION,
                    10_000);
        }
    }

    /** Milliseconds from the process start until its readiness check answers 200 (database reachable, migrations applied). */
    private static double awaitReady(ServiceProcess service) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI ready = service.endpoint().resolve("/q/health/ready");
        while (true) {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                return (System.nanoTime() - service.startedNanos()) / 1e6;
            }
            Thread.sleep(20);
        }
    }

    /** The database settings plus any {@code -Dbench.service.<key>=<value>} given, for trying a configuration out. */
    private static Map<String, String> serviceSettings(BenchDatabase database) {
        Map<String, String> settings = new HashMap<>(database.settings());
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("bench.service."))
                .forEach(key -> settings.put(key.substring("bench.service.".length()), System.getProperty(key)));
        return settings;
    }

    private static List<String> jvm(String name) throws java.io.IOException {
        List<String> flags = new java.util.ArrayList<>(CONTAINER_JVM);
        flags.addAll(Arrays.stream(System.getProperty("bench.jvm", "").split(" ")).filter(s -> !s.isBlank()).toList());
        if (!JFR) {
            return flags;
        }
        java.nio.file.Files.createDirectories(Path.of("target", "bench"));
        flags.add("-XX:StartFlightRecording=settings=profile,jdk.ExecutionSample#period=2ms,filename=target/bench/" + name + ".jfr");
        return flags;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
