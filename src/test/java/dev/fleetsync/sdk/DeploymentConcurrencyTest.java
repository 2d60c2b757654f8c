package dev.fleetsync.sdk;

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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many callers at once against one fleet: the database constraints, not luck, decide who wins. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DeploymentConcurrencyTest extends ServiceTest {
    private static final int CALLERS = 32;

    ExecutorService callers;

    @BeforeEach
    void setUp() {
        callers = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
    }

    @Test
    void parallelSyncsWithDistinctTokensMakeOneJobAndThirtyOneConcurrentDeploymentErrors() throws Exception {
        String fleet = fleetWithFinishedDeployment();

        List<String> outcomes = race(i -> () -> robomaker.syncDeploymentJob(r -> r.fleet(fleet)).arn());

        assertThat(outcomes).filteredOn(DeploymentConcurrencyTest::isArn).hasSize(1);
        assertThat(outcomes).filteredOn("ConcurrentDeploymentException"::equals).hasSize(CALLERS - 1);
        assertThat(activeJobs(fleet)).isEqualTo(1);
    }

    @Test
    void parallelSyncsWithOneTokenAllGetTheSameJob() throws Exception {
        String fleet = fleetWithFinishedDeployment();
        String token = UUID.randomUUID().toString();

        List<String> outcomes = race(i -> () -> robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token)).arn());

        assertThat(outcomes).hasSize(CALLERS).allMatch(DeploymentConcurrencyTest::isArn);
        assertThat(outcomes.stream().distinct()).hasSize(1);
        assertThat(activeJobs(fleet)).isEqualTo(1);
    }

    @Test
    void parallelCreatesWithDistinctTokensMakeOneJob() throws Exception {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("race"))).arn();
        seed.robotsInFleet(fleet, 2); // robots that never poll keep the winning job active
        String app = seed.applicationWithVersions(1);

        List<String> outcomes = race(i -> () -> robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn());

        assertThat(outcomes).filteredOn(DeploymentConcurrencyTest::isArn).hasSize(1);
        assertThat(outcomes).filteredOn("ConcurrentDeploymentException"::equals).hasSize(CALLERS - 1);
        assertThat(activeJobs(fleet)).isEqualTo(1);
    }

    private static boolean isArn(String outcome) {
        return outcome.startsWith("arn:");
    }

    /** Starts every caller at the same moment; each outcome is the call's result or the AWS error code it got. */
    private List<String> race(IntFunction<Callable<String>> call) throws Exception {
        return Race.results(callers, CALLERS, call);
    }

    private String fleetWithFinishedDeployment() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("race"))).arn();
        seed.robotsInFleet(fleet, 5);
        String arn = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        seed.finish(arn, "Succeeded", List.of(), List.of());
        return fleet;
    }

    private long activeJobs(String fleet) {
        return seed.count("select count(*) from deployment_job where fleet_arn = $1 and status in ('Pending', 'Preparing', 'InProgress')",
                fleet);
    }
}
