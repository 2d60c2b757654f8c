package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Comparison;
import dev.fleetsync.bench.BenchReport.Target;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets, checked against a run's figures (a benchmark reports them; it never fails on them). */
final class BenchTargets {
    private BenchTargets() {
    }

    static List<Target> of(BenchReport report) {
        List<Target> targets = new java.util.ArrayList<>();
        ratio(report, "fresh syncs", 16, 0.8).ifPresent(targets::add);
        ratio(report, "fresh syncs", 64, 0.6).ifPresent(targets::add);
        ratio(report, "retries", 16, 0.5).ifPresent(targets::add);
        for (String scenario : List.of("fresh syncs", "retries", "conflicts")) {
            find(report, scenario, 16).ifPresent(c -> targets.add(new Target(scenario + ": p99 at 16 clients", "<= 4x raw SQL p99",
                    format("%.1fx (%.1f ms vs %.1f ms)", c.p99Ratio(), c.service().p99Millis(), c.rawSql().p99Millis()), c.p99Ratio() <= 4)));
        }
        agentTargets(report, targets);
        report.fleetSizes.stream().filter(f -> f.robots() == 10_000).findFirst().ifPresent(f -> targets.add(new Target(
                "Sync on a 10,000-robot fleet", "< 1 s", format("max %.0f ms, p50 %.0f ms", f.maxMillis(), f.p50Millis()), f.maxMillis() < 1000)));
        if (report.waiting != null) {
            targets.add(new Target(format("%,d waiting robots: resident memory", report.waiting.robots()), "< 512 MB",
                    format("%.0f MiB", report.waiting.residentMiB()), report.waiting.residentMiB() * 1.048576 < 512));
            targets.add(new Target("first assignment after CreateDeploymentJob", "< 1 s",
                    format("%.0f ms", report.waiting.firstAssignmentMillis()), report.waiting.firstAssignmentMillis() < 1000));
        }
        targets.add(new Target("unexpected errors", "0", Long.toString(report.unexpectedErrors()), report.unexpectedErrors() == 0));
        return targets;
    }

    /** Issue 16's: idle polls, reports, rollouts and 10,000 held polls. */
    private static void agentTargets(BenchReport report, List<Target> targets) {
        report.parity.stream().filter(p -> p.call().equals("idle poll")).findFirst().ifPresent(p -> targets.add(new Target(
                "idle poll: statements (BEGIN, COMMIT included)", "1: one read, no write transaction", format("%.1f", p.service()),
                p.service() <= 1.0)));
        for (int clients : new int[] {16, 64}) {
            ratio(report, "idle polls", clients, 0.7).ifPresent(targets::add);
            ratio(report, "InProgress reports", clients, 0.6).ifPresent(targets::add);
            ratio(report, "final reports", clients, 0.6).ifPresent(targets::add);
        }
        Optional<BenchReport.Rollout> one = report.rollouts.stream().filter(r -> r.instances() == 1).findFirst();
        one.ifPresent(r -> targets.add(new Target(format("rollout of %,d robots on one instance", r.robots()), "<= 60 s",
                format("%.1f s (%.0f robots/s; the commit limit %.0f)", r.wallMillis() / 1000, r.robotsPerSecond(), r.limitRobotsPerSecond()),
                r.wallMillis() <= 60_000)));
        report.rollouts.stream().filter(r -> r.instances() == 2).findFirst().ifPresent(two -> targets.add(new Target(
                format("rollout of %,d robots on two instances", two.robots()), "faster than on one",
                format("%.1f s vs %s", two.wallMillis() / 1000, one.map(r -> format("%.1f s", r.wallMillis() / 1000)).orElse("not run")),
                one.isPresent() && two.wallMillis() < one.get().wallMillis())));
        BenchReport.Waiting held = report.heldPolls;
        if (held != null) {
            targets.add(new Target(format("%,d held polls: resident memory", held.robots()), "< 512 MiB",
                    format("%.0f MiB", held.residentMiB()), held.residentMiB() < 512));
            targets.add(new Target(format("%,d held polls: first assignment", held.robots()), "< 1 s",
                    format("%.0f ms", held.firstAssignmentMillis()), held.firstAssignmentMillis() < 1000));
        }
    }

    private static Optional<Target> ratio(BenchReport report, String scenario, int clients, double goal) {
        return find(report, scenario, clients).map(c -> new Target(scenario + " at " + clients + " clients", ">= " + goal + "x raw SQL",
                format("%.2fx (%.0f vs %.0f req/s; with a service of no CPU %.2fx)", c.throughputRatio(), c.service().perSecond(),
                        c.rawSql().perSecond(), c.ceilingRatio()),
                c.throughputRatio() >= goal));
    }

    private static Optional<Comparison> find(BenchReport report, String scenario, int clients) {
        return report.comparisons.stream().filter(c -> c.scenario().equals(scenario) && c.clients() == clients).findFirst();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
