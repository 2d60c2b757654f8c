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
