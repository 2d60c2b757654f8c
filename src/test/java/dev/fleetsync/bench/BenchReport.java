package dev.fleetsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fleetsync.bench.ClosedLoop.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the figures of a run and writes them to target/bench/ as JSON and as the Markdown of docs/benchmarks.md. */
final class BenchReport {
    /** One scenario at one concurrency: the service and the raw SQL, side by side. */
    record Comparison(String scenario, int clients, Row service, Row rawSql, double throughputRatio, double p99Ratio,
            CpuAccount.PerCall serviceCpu, CpuAccount.PerCall rawSqlCpu, double serviceJitMillisPerCall) {
        static Comparison of(String scenario, int clients, WritePath.Measured service, WritePath.Measured raw) {
            Row s = Row.of(service.figures());
            Row r = Row.of(raw.figures());
            return new Comparison(scenario, clients, s, r, s.perSecond() / r.perSecond(), s.p99Millis() / r.p99Millis(),
                    service.cpu(), raw.cpu(), service.jitMillisPerCall());
        }

        /**
         * The ratio the service would reach if it cost no CPU of its own, on a saturated machine where a call's rate is the
         * cores over the CPU it costs: what the raw SQL's call costs the machine over what the database and the generator
         * spend on a call through the service.
         */
        double ceilingRatio() {
            return rawSqlMachineMillis() / (serviceCpu.postgresMillis() + serviceCpu.generatorMillis());
        }

        /** What a raw-SQL call costs: PostgreSQL and its client (the idle service's timers are left out). */
        double rawSqlMachineMillis() {
            return rawSqlCpu.postgresMillis() + rawSqlCpu.generatorMillis();
        }
    }

    record Row(long requests, double perSecond, double p50Millis, double p99Millis, double p999Millis, long errors, String firstError) {
        static Row of(Figures f) {
            return new Row(f.requests(), f.throughput(), f.percentileMillis(50), f.percentileMillis(99), f.percentileMillis(99.9),
                    f.errors(), f.firstError());
        }
    }

    /** Statements per call (BEGIN and COMMIT included), through the service and as raw SQL: they should be equal. */
    record Parity(String call, double service, double rawSql) {
    }

    record FleetSize(int robots, int calls, double p50Millis, double maxMillis, long errors) {
    }

    record Waiting(int robots, double intakeMillis, double residentMiB, double cpuCores, double createMillis, double firstAssignmentMillis,
            double firstWaveMillis,
            int firstWave, long errors) {
    }

    /**
     * A rollout of {@code robots} robots that answer at once, on {@code instances} instances: its wall time from
     * CreateDeploymentJob to Succeeded, the COMMITs it took per robot, the database's commit rate, and CPU per robot.
     */
    record Rollout(int instances, int robots, double wallMillis, double commitsPerRobot, double commitsPerSecond,
            double servicesMillisPerRobot, double postgresMillisPerRobot, double generatorMillisPerRobot, long errors) {
        double robotsPerSecond() {
            return robots / (wallMillis / 1000);
        }

        /** The robots per second the database's commit rate allows, at the commits a robot took. */
        double limitRobotsPerSecond() {
            return commitsPerSecond / commitsPerRobot;
        }
    }

    record Startup(double readyMillis, double idleMiB, double underLoadMiB, double afterMiB) {
    }

    record Target(String what, String goal, String measured, boolean met) {
    }

    final Map<String, String> machine = new LinkedHashMap<>();
    final List<Parity> parity = new ArrayList<>();
    final List<JitWarmUp.Round> warmUp = new ArrayList<>();
    /** The robot protocol's own warm-up rounds, before its scenarios. */
    final List<JitWarmUp.Round> agentWarmUp = new ArrayList<>();
    int warmUpRoundCalls;
    final List<Comparison> comparisons = new ArrayList<>();
    final List<FleetSize> fleetSizes = new ArrayList<>();
    Waiting waiting;
    /** Issue 16, scenario 4: as {@link #waiting}, with many more robots (-Dbench.held-polls). */
    Waiting heldPolls;
    final List<Rollout> rollouts = new ArrayList<>();
    Startup startup;
    final List<Target> targets = new ArrayList<>();

    long unexpectedErrors() {
        long errors = comparisons.stream().mapToLong(c -> c.service().errors() + c.rawSql().errors()).sum();
        errors += fleetSizes.stream().mapToLong(FleetSize::errors).sum();
        errors += rollouts.stream().mapToLong(Rollout::errors).sum();
        errors += heldPolls == null ? 0 : heldPolls.errors();
        return errors + (waiting == null ? 0 : waiting.errors());
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("statementsPerCall", parity);
        all.put("warmUpRoundCalls", warmUpRoundCalls);
        all.put("warmUpRounds", warmUp);
        all.put("agentWarmUpRounds", agentWarmUp);
        all.put("comparisons", comparisons);
        all.put("fleetSizes", fleetSizes);
        all.put("robotsWaiting", waiting);
        all.put("heldPolls", heldPolls);
        all.put("rollouts", rollouts);
        all.put("startup", startup);
        all.put("targets", targets);
        all.put("unexpectedErrors", unexpectedErrors());
        json.writeValue(directory.resolve("results.json").toFile(), all);
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    /** One paragraph on a warm-up's rounds, or nothing when there were none. */
    private String warmUpLine(String label, String calls, List<JitWarmUp.Round> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        JitWarmUp.Round last = rounds.get(rounds.size() - 1);
        return String.format(Locale.ROOT, "%s: %d round(s) of %,d %s each way; share of CPU the JIT compilers took in the last "
                + "round: service %.0f %%, load generator %.0f %%.%n%n", label, rounds.size(), warmUpRoundCalls, calls,
                100 * last.serviceCompilerShare(), 100 * last.generatorCompilerShare());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ");
        machine.forEach((k, v) -> md.append(k).append(" ").append(v).append("; "));
        md.append("\n\n");
        md.append(warmUpLine("Warm-up", "fresh syncs, retries and conflicts", warmUp));
        md.append(warmUpLine("Robot protocol warm-up", "idle polls, InProgress and final reports", agentWarmUp));
        md.append("| scenario | clients | service req/s | raw SQL req/s | ratio | service p50 / p99 / p99.9 ms | raw SQL p50 / p99 / p99.9 ms "
                + "| p99 ratio | service CPU ms/call | of which JIT | errors |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Comparison c : comparisons) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %s | %s | %.1f | %.2f | %.2f | %d |%n", c.scenario(),
                    c.clients(), c.service().perSecond(), c.rawSql().perSecond(), c.throughputRatio(), latencies(c.service()),
                    latencies(c.rawSql()), c.p99Ratio(), c.serviceCpu().serviceMillis(), c.serviceJitMillisPerCall(),
                    c.service().errors() + c.rawSql().errors()));
        }
        md.append("\n| CPU per call, ms: scenario | clients | service: service / PostgreSQL / load generator = all | raw SQL: "
                + "PostgreSQL / load generator = all | cores busy, service / raw SQL | ratio with a service of no CPU |\n"
                + "|---|---|---|---|---|---|\n");
        for (Comparison c : comparisons) {
            CpuAccount.PerCall s = c.serviceCpu();
            CpuAccount.PerCall r = c.rawSqlCpu();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f / %.2f / %.2f = %.2f | %.2f / %.2f = %.2f | %.2f / %.2f | %.2f |%n",
                    c.scenario(), c.clients(), s.serviceMillis(), s.postgresMillis(), s.generatorMillis(), s.totalMillis(),
                    r.postgresMillis(), r.generatorMillis(), c.rawSqlMachineMillis(), s.busyCores(), r.busyCores(),
                    c.ceilingRatio()));
        }
        md.append("\n| statements per call (BEGIN, COMMIT included) | service | raw SQL |\n|---|---|---|\n");
        parity.forEach(p -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", p.call(), p.service(), p.rawSql())));
        md.append("\n| SyncDeploymentJob on a fleet of | calls | p50 ms | max ms | errors |\n|---|---|---|---|---|\n");
        fleetSizes.forEach(f -> md.append(String.format(Locale.ROOT, "| %,d robots | %d | %.1f | %.1f | %d |%n", f.robots(), f.calls(),
                f.p50Millis(), f.maxMillis(), f.errors())));
        for (Waiting w : java.util.stream.Stream.of(waiting, heldPolls).filter(java.util.Objects::nonNull).toList()) {
            md.append(String.format(Locale.ROOT, "%n| robots long-polling one instance | all polls held after ms | resident MiB while held "
                    + "| CPU while held (cores) | CreateDeploymentJob answered ms | first assignment ms | first wave (%d robots) ms | errors |%n"
                    + "|---|---|---|---|---|---|---|---|%n| %,d | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %d |%n", w.firstWave(),
                    w.robots(), w.intakeMillis(), w.residentMiB(), w.cpuCores(), w.createMillis(),
                    w.firstAssignmentMillis(), w.firstWaveMillis(), w.errors()));
        }
        if (!rollouts.isEmpty()) {
            md.append("\n| rollout at 20 %, robots answering at once | instances | wall s | robots/s | COMMITs per robot | database commits/s "
                    + "| limit robots/s | CPU ms per robot: services / PostgreSQL / generator | errors |\n|---|---|---|---|---|---|---|---|---|\n");
            rollouts.forEach(r -> md.append(String.format(Locale.ROOT, "| %,d robots | %d | %.1f | %.0f | %.1f | %.0f | %.0f | %.2f / %.2f / %.2f | %d |%n",
                    r.robots(), r.instances(), r.wallMillis() / 1000, r.robotsPerSecond(), r.commitsPerRobot(), r.commitsPerSecond(),
                    r.limitRobotsPerSecond(), r.servicesMillisPerRobot(), r.postgresMillisPerRobot(), r.generatorMillisPerRobot(), r.errors())));
        }
        if (startup != null) {
            md.append(String.format(Locale.ROOT, "%n| start-up to ready ms | resident MiB idle | under load (peak) | after load |%n"
                    + "|---|---|---|---|%n| %.0f | %.0f | %.0f | %.0f |%n", startup.readyMillis(), startup.idleMiB(), startup.underLoadMiB(),
                    startup.afterMiB()));
        }
        md.append("\n| target | goal | measured | met |\n|---|---|---|---|\n");
        targets.forEach(t -> md.append("| ").append(t.what()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                .append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n"));
        return md.toString();
    }

    private static String latencies(Row row) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", row.p50Millis(), row.p99Millis(), row.p999Millis());
    }
}
