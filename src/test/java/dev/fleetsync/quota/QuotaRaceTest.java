package dev.fleetsync.quota;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Race;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;

/** Many creators at once never take account 555555555555 past its quotas of 5 fleets and 5 active jobs (%test). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class QuotaRaceTest extends ServiceTest {
    private static final String ACCOUNT = "555555555555";
    private static final int CREATORS = 40;
    private static final int QUOTA = 5;
    private static final Map<String, Long> EXPECTED = Map.of("ok", (long) QUOTA, "LimitExceededException", (long) CREATORS - QUOTA);

    RoboMakerClient raceAccount;
    AccountRows rows;
    ExecutorService creators;

    @BeforeEach
    void emptyAccount() {
        raceAccount = signedAs("AKIDFLEETSYNCRACE", "race-secret");
        rows = new AccountRows(pool, ACCOUNT);
        rows.wipe();
        creators = Executors.newFixedThreadPool(CREATORS);
    }

    @AfterEach
    void stop() {
        creators.shutdownNow();
    }

    @Test
    void fortyConcurrentCreateFleetsMakeExactlyTheQuota() throws Exception {
        Map<String, Long> outcomes = race(i -> () -> raceAccount.createFleet(r -> r.name(Sdk.unique("race"))));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(rows.count("fleet")).isEqualTo(QUOTA);
    }

    @Test
    void fortyConcurrentDeploymentsToFortyFleetsMakeExactlyTheQuota() throws Exception {
        String app = rows.applicationWithVersion();
        List<String> fleets = IntStream.range(0, CREATORS).mapToObj(i -> rows.fleetWithRobot()).toList();

        Map<String, Long> outcomes = race(i -> () -> raceAccount.createDeploymentJob(deploy(fleets.get(i), app, "1")
                .clientRequestToken(UUID.randomUUID().toString()).build()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(rows.activeJobs()).isEqualTo(QUOTA);
        assertThat(rows.count("client_token")).isEqualTo(QUOTA);
    }

    /** Starts every call at once; counts the outcomes by error code ("ok" for success). */
    private Map<String, Long> race(Function<Integer, Callable<?>> call) throws Exception {
        return Race.run(creators, CREATORS, call::apply).stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }
}
