package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Parity;
import dev.fleetsync.bench.ClosedLoop.Outcome;
import java.util.List;
import java.util.function.Function;

/**
 * Checks that {@link AgentRaw} is the service's SQL, as {@link StatementParity} does for syncs: the statements (BEGIN
 * and COMMIT included) an idle poll, an InProgress report and a final report issue, through the service and as raw SQL.
 * The idle poll's count is also the figure of issue 16's target: one read, no write transaction.
 */
final class AgentParity {
    private AgentParity() {
    }

    /** Each kind of call {@code calls} times each way, on the idle robots {@link AgentPath} seeded and on two handed jobs. */
    static List<Parity> measure(SignedHttp http, AgentRaw raw, BenchSeed seed, int calls) {
        seed.execute("create extension if not exists pg_stat_statements");
        List<String> idle = AgentPath.IDLE;
        double servicePoll = StatementParity.perCall(seed, calls, i -> send(http, "/agent/v1/poll", AgentPath.poll(idle.get(i)), AgentPath::noWork));
        double rawPoll = StatementParity.perCall(seed, calls, i -> BenchSeed.await(raw.idlePoll(BenchSeed.ACCOUNT, idle.get(i))));

        String serviceJob = seed.handedJob("paritysvcagent", calls);
        List<String> serviceRobots = BenchSeed.robotsOf("paritysvcagent", calls);
        String rawJob = seed.handedJob("parityrawagent", calls);
        List<String> rawRobots = BenchSeed.robotsOf("parityrawagent", calls);
        double serviceProgress = StatementParity.perCall(seed, calls, i -> send(http, "/agent/v1/report",
                AgentPath.report(serviceRobots.get(i), serviceJob, "DownloadingExtracting", AgentPath.percent(i), "InProgress"),
                a -> AgentPath.proceeds(a, true)));
        double rawProgress = StatementParity.perCall(seed, calls,
                i -> BenchSeed.await(raw.inProgress(BenchSeed.ACCOUNT, rawJob, rawRobots.get(i), AgentPath.percent(i))));
        double serviceFinal = StatementParity.perCall(seed, calls, i -> send(http, "/agent/v1/report",
                AgentPath.report(serviceRobots.get(i), serviceJob, "Launching", 100, "Succeeded"), a -> AgentPath.proceeds(a, false)));
        double rawFinal = StatementParity.perCall(seed, calls, i -> BenchSeed.await(raw.succeeded(BenchSeed.ACCOUNT, rawJob, rawRobots.get(i))));
        return List.of(new Parity("idle poll", servicePoll, rawPoll), new Parity("InProgress report", serviceProgress, rawProgress),
                new Parity("final report", serviceFinal, rawFinal));
    }

    private static void send(SignedHttp http, String path, String body, Function<SignedHttp.Answer, Outcome> expected) {
        Outcome outcome = expected.apply(BenchSeed.await(http.send(http.sign(path, body), 30_000)));
        if (!outcome.expected()) {
            throw new IllegalStateException("parity: " + outcome.unexpected());
        }
    }
}
