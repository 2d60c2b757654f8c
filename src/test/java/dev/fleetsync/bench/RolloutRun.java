package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.Rollout;
import dev.fleetsync.bench.RolloutRobots.Next;
import dev.fleetsync.bench.SignedHttp.Answer;
import dev.fleetsync.bench.SignedHttp.Prepared;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16, scenario 3: a rollout of a whole fleet at 20 % whose robots answer at once, on one instance or on several
 * sharing the database (robot i polls instance i mod n). The generator is lean: one Vert.x event loop, {@link LeanHttp}
 * connections, the robots' state in {@link RolloutRobots}. Measured: the wall time from CreateDeploymentJob being sent to
 * the job being Succeeded, and the commits per robot the protocol took (pg_stat_statements' COMMITs, over the rollout),
 * set against the database's own commit rate, measured before.
 */
final class RolloutRun {
    private static final int WAIT_SECONDS = 20;
    private static final long TIMEOUT_MILLIS = (WAIT_SECONDS + 30) * 1000L;
    private static final long ROLLOUT_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final String COMMITS = "select coalesce(sum(calls), 0) from pg_stat_statements where upper(trim(query)) = 'COMMIT'";
    /** The commit-rate probe: one single-row update per commit, by as many clients as the service's pool, over enough rows to rarely meet. */
    private static final int COMMIT_CLIENTS = 20;
    private static final int COMMIT_ROWS = 1_000;

    private final Vertx vertx;
    private final Pool pool;
    private final BenchSeed seed;
    private final CpuAccount cpu;
    private final List<ProcessStats> services;
    private final List<SignedHttp> instances;
    private final List<HeldPolls> held;

    /** {@code cpu} accounts for the first instance, PostgreSQL and the generator; {@code services} are every instance's. */
    RolloutRun(Vertx vertx, Pool pool, BenchSeed seed, CpuAccount cpu, List<ProcessStats> services, List<URI> endpoints) {
        this.vertx = vertx;
        this.pool = pool;
        this.seed = seed;
        this.cpu = cpu;
        this.services = services;
        this.instances = endpoints.stream().map(endpoint -> new SignedHttp(vertx, endpoint)).toList();
        this.held = endpoints.stream().map(HeldPolls::new).toList();
    }

    Rollout run(String batch, int size) throws InterruptedException {
        double commitRate = commitRate(5_000);
        String fleet = seed.emptyFleetOf(batch, size);
        List<String> arns = BenchSeed.robotsOf(batch, size);
        seed.analyze();
        Prepared[] polls = new Prepared[size];
        for (int i = 0; i < size; i++) {
            polls[i] = http(i).sign("/agent/v1/poll", "{\"robot\":\"" + arns.get(i) + "\",\"waitSeconds\":" + WAIT_SECONDS + "}");
        }
        RolloutRobots robots = new RolloutRobots(size);
        Context loop = vertx.getOrCreateContext();
        loop.runOnContext(v -> {
            for (int i = 0; i < size; i++) {
                poll(robots, polls, arns, i);
            }
        });
        awaitHeld(size);
        seed.execute("select pg_stat_statements_reset()");
        double[] serviceBefore = services.stream().mapToDouble(ProcessStats::cpuSeconds).toArray();
        CpuAccount.Snapshot before = cpu.snapshot();
        long sent = System.nanoTime();
        Answer created = BenchSeed.await(instances.get(0).send(instances.get(0).sign("/createDeploymentJob",
                RobotsWaiting.createJob(fleet, BenchSeed.APPLICATION)),
                60_000));
        long errors = created.ok() ? 0 : 1;
        double wallMillis = created.ok() ? awaitSucceeded(Json.string(created.body(), "arn"), sent) : Double.NaN;
        CpuAccount.PerCall perRobot = cpu.perCallSince(before, size);
        double servicesMillis = 0;
        for (int i = 0; i < services.size(); i++) {
            servicesMillis += 1000 * (services.get(i).cpuSeconds() - serviceBefore[i]) / size;
        }
        double commitsPerRobot = (double) seed.count(COMMITS) / size;
        int done = BenchSeed.await(Future.<Integer>future(p -> loop.runOnContext(v -> p.complete(robots.done()))));
        if (!created.ok() || done != size || robots.errors() > 0) {
            System.out.printf("BENCH rollout on %d instance(s): CreateDeploymentJob %d, %d of %d robots done, %d errors, the first: %s%n",
                    instances.size(), created.status(), done, size, robots.errors(), robots.firstError());
        }
        instances.forEach(SignedHttp::close);
        return new Rollout(instances.size(), size, wallMillis, commitsPerRobot, commitRate, servicesMillis, perRobot.postgresMillis(),
                perRobot.generatorMillis(), errors + robots.errors() + (size - done));
    }

    private SignedHttp http(int robot) {
        return instances.get(robot % instances.size());
    }

    private void poll(RolloutRobots robots, Prepared[] polls, List<String> arns, int robot) {
        http(robot).send(polls[robot], TIMEOUT_MILLIS).onComplete(answer -> {
            Next next = answer.succeeded() && answer.result().ok()
                    ? robots.polled(robot, Json.string(answer.result().body(), "deploymentJob"))
                    : robots.failed(robot, "poll: " + describe(answer));
            act(robots, polls, arns, robot, next);
        });
    }

    private void report(RolloutRobots robots, Prepared[] polls, List<String> arns, int robot) {
        String body = AgentPath.report(arns.get(robot), robots.job(robot), "Launching", 100, "Succeeded");
        http(robot).send(http(robot).sign("/agent/v1/report", body), TIMEOUT_MILLIS).onComplete(answer -> {
            Next next = answer.succeeded() && answer.result().ok()
                    ? robots.reported(robot, Boolean.parseBoolean(Json.string(answer.result().body(), "continue")))
                    : robots.failed(robot, "report: " + describe(answer));
            act(robots, polls, arns, robot, next);
        });
    }

    private void act(RolloutRobots robots, Prepared[] polls, List<String> arns, int robot, Next next) {
        switch (next) {
            case POLL -> poll(robots, polls, arns, robot);
            case REPORT -> report(robots, polls, arns, robot);
            case NOTHING -> { }
        }
    }

    private static String describe(io.vertx.core.AsyncResult<Answer> answer) {
        return answer.failed() ? String.valueOf(answer.cause()) : answer.result().status() + " " + answer.result().body();
    }

    /** Until every instance's gauge says it holds its share of the polls. */
    private void awaitHeld(int size) throws InterruptedException {
        long start = System.nanoTime();
        while (held.stream().mapToDouble(HeldPolls::count).sum() < size) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(3)) {
                throw new IllegalStateException("not all of " + size + " polls held after 3 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** Milliseconds from {@code sentNanos} until the job is Succeeded (read every 50 ms), NaN if it ended otherwise or never. */
    private double awaitSucceeded(String job, long sentNanos) throws InterruptedException {
        while (System.nanoTime() - sentNanos < TimeUnit.MILLISECONDS.toNanos(ROLLOUT_LIMIT_MILLIS)) {
            long succeeded = seed.count("select count(*) from deployment_job where arn = $1 and status = 'Succeeded'", job);
            if (succeeded == 1) {
                return (System.nanoTime() - sentNanos) / 1e6;
            }
            if (seed.count("select count(*) from deployment_job where arn = $1 and status in ('Failed', 'Canceled')", job) == 1) {
                return Double.NaN;
            }
            Thread.sleep(50);
        }
        return Double.NaN;
    }

    /** Single-row autocommit updates per second, as many clients as the service's pool: what this database can commit. */
    private double commitRate(int commits) {
        seed.execute("create table if not exists bench_commit (id int primary key, n bigint not null)");
        seed.execute("insert into bench_commit select i, 0 from generate_series(0, " + (COMMIT_ROWS - 1) + ") i on conflict do nothing");
        String update = "update bench_commit set n = n + 1 where id = $1";
        ClosedLoop.run(COMMIT_CLIENTS, 0, commits / 5, i -> pool.preparedQuery(update).execute(Tuple.of(i % COMMIT_ROWS))
                .map(r -> ClosedLoop.Outcome.OK));
        return ClosedLoop.run(COMMIT_CLIENTS, 0, commits, i -> pool.preparedQuery(update).execute(Tuple.of(i % COMMIT_ROWS))
                .map(r -> ClosedLoop.Outcome.OK)).throughput();
    }
}
