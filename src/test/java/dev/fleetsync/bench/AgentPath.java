package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Comparison;
import dev.fleetsync.bench.ClosedLoop.Outcome;
import dev.fleetsync.bench.SignedHttp.Answer;
import dev.fleetsync.bench.SignedHttp.Prepared;
import dev.fleetsync.bench.WritePath.Measured;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Issue 16, scenarios 1 and 2, at one concurrency: idle polls (robots with nothing to do, waitSeconds 0), then
 * InProgress reports and final (Succeeded) reports on deployments handed to their robots, each through the service and
 * as raw SQL ({@link AgentRaw}). Each call of a report phase goes to a deployment of its own, so that every one changes
 * the row; the final reports then end exactly the deployments the InProgress ones reported on.
 */
final class AgentPath {
    private static final long TIMEOUT_MILLIS = 60_000;
    /** The idle robots the polls go round; polls of the same robot by two clients at once are what a fleet sends too. */
    static final int IDLE_ROBOTS = 1_000;
    static final List<String> IDLE = BenchSeed.robotsOf("idle", IDLE_ROBOTS);

    private final SignedHttp http;
    private final AgentRaw raw;
    private final WritePath phases;
    private final BenchSeed seed;
    private final int calls;

    /** {@code calls}: the warm-up and measured calls of a phase together; {@code phases} runs and measures them. */
    AgentPath(SignedHttp http, AgentRaw raw, WritePath phases, BenchSeed seed, int calls) {
        this.http = http;
        this.raw = raw;
        this.phases = phases;
        this.seed = seed;
        this.calls = calls;
        seed.emptyFleetOf("idle", IDLE_ROBOTS);
    }

    /** The three scenarios at {@code clients}, measured. */
    List<Comparison> run(int clients) {
        return scenarios(clients, "reports" + clients, calls, phases::measure);
    }

    /**
     * Every call of the three scenarios, {@code roundCalls} of each, through the service and as raw SQL, unmeasured: a
     * warm-up round of the robot protocol's own (see {@link JitWarmUp}), as the write path has.
     */
    void exercise(int round, int clients, int roundCalls) {
        scenarios(clients, "warm" + round, roundCalls, WritePath.unmeasured(roundCalls));
    }

    private List<Comparison> scenarios(int clients, String tag, int calls, WritePath.Phase phases) {
        Prepared[] polls = new Prepared[calls];
        for (int i = 0; i < calls; i++) {
            polls[i] = http.sign("/agent/v1/poll", poll(IDLE.get(i % IDLE_ROBOTS)));
        }
        Measured pollService = phases.run("idle polls", true, clients, i -> http.send(polls[i], TIMEOUT_MILLIS).map(AgentPath::noWork));
        Measured pollRaw = phases.run("idle polls", false, clients, i -> raw.idlePoll(BenchSeed.ACCOUNT, IDLE.get(i % IDLE_ROBOTS))
                .map(handed -> handed ? Outcome.unexpected("raw idle poll was handed a deployment") : Outcome.OK));

        String serviceJob = seed.handedJob("svc" + tag, calls);
        List<String> serviceRobots = BenchSeed.robotsOf("svc" + tag, calls);
        String rawJob = seed.handedJob("raw" + tag, calls);
        List<String> rawRobots = BenchSeed.robotsOf("raw" + tag, calls);
        seed.analyze();

        Prepared[] progress = prepare(calls, i -> report(serviceRobots.get(i), serviceJob, "DownloadingExtracting", percent(i), "InProgress"));
        Measured progressService = phases.run("InProgress reports", true, clients,
                i -> http.send(progress[i], TIMEOUT_MILLIS).map(a -> proceeds(a, true)));
        Measured progressRaw = phases.run("InProgress reports", false, clients,
                i -> raw.inProgress(BenchSeed.ACCOUNT, rawJob, rawRobots.get(i), percent(i)).map(v -> Outcome.OK));

        Prepared[] finals = prepare(calls, i -> report(serviceRobots.get(i), serviceJob, "Launching", 100, "Succeeded"));
        Measured finalService = phases.run("final reports", true, clients,
                i -> http.send(finals[i], TIMEOUT_MILLIS).map(a -> proceeds(a, false)));
        Measured finalRaw = phases.run("final reports", false, clients,
                i -> raw.succeeded(BenchSeed.ACCOUNT, rawJob, rawRobots.get(i)).map(v -> Outcome.OK));

        return List.of(Comparison.of("idle polls", clients, pollService, pollRaw),
                Comparison.of("InProgress reports", clients, progressService, progressRaw),
                Comparison.of("final reports", clients, finalService, finalRaw));
    }

    private Prepared[] prepare(int calls, IntFunction<String> body) {
        Prepared[] prepared = new Prepared[calls];
        for (int i = 0; i < calls; i++) {
            prepared[i] = http.sign("/agent/v1/report", body.apply(i));
        }
        return prepared;
    }

    /** Some percentage between 1 and 99: never the null a handed deployment starts with, so each report changes its row. */
    static float percent(int call) {
        return 1 + call % 99;
    }

    static String poll(String robot) {
        return "{\"robot\":\"" + robot + "\",\"waitSeconds\":0}";
    }

    static String report(String robot, String job, String step, float percent, String result) {
        return String.format(Locale.ROOT, "{\"robot\":\"%s\",\"deploymentJob\":\"%s\",\"step\":\"%s\",\"percentDone\":%.0f,\"result\":\"%s\"}",
                robot, job, step, percent, result);
    }

    static Outcome noWork(Answer answer) {
        return answer.ok() && Json.string(answer.body(), "deploymentJob") == null ? Outcome.OK
                : Outcome.unexpected("idle poll answered " + answer.status() + " " + answer.body());
    }

    static Outcome proceeds(Answer answer, boolean expected) {
        return answer.ok() && String.valueOf(expected).equals(Json.string(answer.body(), "continue")) ? Outcome.OK
                : Outcome.unexpected("report answered " + answer.status() + " " + answer.body() + ", expected continue " + expected);
    }
}
