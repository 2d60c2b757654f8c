package dev.fleetsync.bench;

import dev.fleetsync.bench.BenchReport.FleetSize;
import dev.fleetsync.bench.SignedHttp.Answer;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario 5: one SyncDeploymentJob at a time on fleets of growing size, every robot out of sync, so the call's job
 * targets the whole fleet. Each size is called on {@code calls} fleets of its own; the first call of all warms up.
 */
final class FleetSizes {
    private static final long TIMEOUT_MILLIS = 120_000;

    private final SignedHttp http;
    private final BenchSeed seed;

    FleetSizes(SignedHttp http, BenchSeed seed) {
        this.http = http;
        this.seed = seed;
    }

    List<FleetSize> run(int calls, int... sizes) {
        syncAll(seed.fleets("sizewarm", calls, 100, 100));
        return Arrays.stream(sizes).mapToObj(size -> {
            List<BenchSeed.Fleet> fleets = seed.fleets("size" + size + "x", calls, size, size);
            seed.analyze();
            return measure(size, fleets);
        }).toList();
    }

    private FleetSize measure(int robots, List<BenchSeed.Fleet> fleets) {
        double[] millis = new double[fleets.size()];
        long errors = 0;
        for (int i = 0; i < fleets.size(); i++) {
            long start = System.nanoTime();
            Answer answer = sync(fleets.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
            long targets = answer.ok()
                    ? seed.count("select count(*) from robot_deployment where job_arn = $1", Json.string(answer.body(), "arn"))
                    : -1;
            if (targets != robots) {
                errors++;
                System.out.printf("BENCH fleet of %d: answered %d %s, job targets %d robots%n", robots, answer.status(), answer.body(),
                        targets);
            }
        }
        Arrays.sort(millis);
        return new FleetSize(robots, millis.length, millis[(millis.length - 1) / 2], millis[millis.length - 1], errors);
    }

    private void syncAll(List<BenchSeed.Fleet> fleets) {
        fleets.forEach(this::sync);
    }

    private Answer sync(BenchSeed.Fleet fleet) {
        String token = "size-" + Long.toHexString(System.nanoTime());
        SignedHttp.Prepared call = http.sign("/syncDeploymentJob", WritePath.sync(token, fleet.arn()), fleet.account());
        return BenchSeed.await(http.send(call, TIMEOUT_MILLIS));
    }
}
