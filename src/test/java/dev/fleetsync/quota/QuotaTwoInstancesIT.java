package dev.fleetsync.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.Race;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.sim.TwoInstances;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Fleet;

/**
 * Two processes of the packaged service on one database, each with a fleet quota of 5: creators racing through both
 * never take the account past 5 fleets, because the count is taken under a lock held in PostgreSQL, not in either JVM.
 */
class QuotaTwoInstancesIT {
    private static final String ACCOUNT = "888888888888";
    private static final String ACCESS_KEY = "AKIDFLEETSYNCQUOTAIT";
    private static final String SECRET = "quota-it-secret";
    private static final int QUOTA = 5;
    private static final int CREATORS = 40;
    private static final int ROUNDS = 3;

    private static TwoInstances instances;
    private static Pool pool;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = TwoInstances.start("quota", Map.of(
                "fleetsync.auth.principals", ACCESS_KEY + ":" + SECRET + ":" + ACCOUNT,
                "fleetsync.auth.page-token-key", "quota-it-key",
                "fleetsync.auth.throttle.rate", "100000",
                "fleetsync.auth.throttle.burst", "100000",
                "fleetsync.quota.fleets", Integer.toString(QUOTA)));
        pool = instances.pool();
        new AccountRows(pool, ACCOUNT).wipe(); // a configured shared database may hold an earlier run's fleets
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void creatorsRacingThroughTwoInstancesNeverPassTheQuota() throws Exception {
        List<RoboMakerClient> clients = List.of(Sdk.client(instances.first().endpoint(), ACCESS_KEY, SECRET),
                Sdk.client(instances.second().endpoint(), ACCESS_KEY, SECRET));
        AccountRows rows = new AccountRows(pool, ACCOUNT);
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<String> outcomes = race(creators, clients);

                System.out.println("QUOTA RACE round " + round + ": " + CREATORS + " creators over 2 instances, quota " + QUOTA
                        + ": " + outcomes.stream().filter("ok"::equals).count() + " created, fleets in the database: "
                        + rows.count("fleet"));
                assertThat(outcomes).filteredOn("ok"::equals).hasSize(QUOTA);
                assertThat(outcomes).filteredOn("LimitExceededException"::equals).hasSize(CREATORS - QUOTA);
                assertThat(rows.count("fleet")).isEqualTo(QUOTA);

                // deleting frees the places for the next round, through either instance
                for (Fleet fleet : clients.get(round % 2).listFleets(r -> r.maxResults(100)).fleetDetails()) {
                    clients.get(0).deleteFleet(r -> r.fleet(fleet.arn()));
                }
                assertThat(rows.count("fleet")).isZero();
            }
        } finally {
            creators.shutdownNow();
        }
    }

    /** Every creator starts at once, alternately through each instance; returns each outcome ("ok" or the error code). */
    private static List<String> race(ExecutorService creators, List<RoboMakerClient> clients) throws Exception {
        return Race.run(creators, CREATORS, i -> () -> clients.get(i % 2).createFleet(r -> r.name(Sdk.unique("race"))));
    }
}
