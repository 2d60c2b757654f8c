package dev.fleetsync.simulation;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.sim.FleetSimulator;
import dev.fleetsync.support.sim.RobotBehaviour;
import dev.fleetsync.support.sim.SimulationStats;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** Rollouts driven by a simulated fleet of robots polling and reporting over HTTP, concurrently. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class FleetSimulationTest extends ServiceTest {
    private static final Duration RUN = Duration.ofSeconds(60);
    /** Generous: the machine running the suite may be busy with other builds. */
    private static final Duration LARGE_RUN = Duration.ofSeconds(150);

    @Test
    void theWaveLimitIsNeverExceededAndEveryRobotEndsInSync() throws Exception {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 200);
        try (FleetSimulator sim = FleetSimulator.builder(robots).stepLatency(ms(1), ms(25)).seed(7).build().start(endpoint)) {
            String job = create(fleet, 10, 50, null);

            assertThat(sim.awaitDone(RUN)).as(() -> sim.stats().summary()).isTrue();

            DescribeDeploymentJobResponse done = awaitStatus(job, DeploymentStatus.SUCCEEDED);
            SimulationStats stats = sim.stats();
            assertThat(stats.maxDeploying()).isBetween(1, 20);
            assertThat(stats.maxHandedPerJob()).isEqualTo(1);
            assertThat(stats.robotsHanded(job)).isEqualTo(200);
            assertThat(stats.errors()).isEmpty();
            assertThat(done.robotDeploymentSummary()).hasSize(200).allSatisfy(r -> assertThat(r.status()).isEqualTo(RobotStatus.IN_SYNC));
        }
    }

    @Test
    void reachingTheFailureThresholdStopsTheRolloutWithinOneWave() throws Exception {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 200);
        try (FleetSimulator sim = FleetSimulator.builder(robots).stepLatency(ms(1), ms(10)).failureRate(0.3).seed(11).build()
                .start(endpoint)) {
            String job = create(fleet, 10, 10, null);

            DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);

            assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.FAILURE_THRESHOLD_BREACHED);
            List<RobotDeployment> summary = failed.robotDeploymentSummary();
            List<RobotDeployment> unstarted = summary.stream().filter(r -> r.deploymentStartTime() == null).toList();
            assertThat(unstarted).isNotEmpty();
            assertThat(unstarted).allSatisfy(r -> assertThat(sim.stats().jobsHandedTo(r.arn())).doesNotContainKey(job));
            long failures = summary.stream().filter(r -> r.status() == RobotStatus.FAILED).count();
            // the threshold is 20 failures of 200; robots already deploying then (at most one wave of 20) may add to it
            assertThat(failures).isBetween(20L, 20L + 20 - 1);
            assertThat(summary).filteredOn(r -> r.deploymentStartTime() != null)
                    .allSatisfy(r -> assertThat(r.status()).isIn(RobotStatus.IN_SYNC, RobotStatus.FAILED));
            assertThat(sim.stats().maxDeploying()).isLessThanOrEqualTo(20);
            assertThat(sim.stats().maxHandedPerJob()).isEqualTo(1);
            assertThat(sim.stats().errors()).isEmpty();
        }
    }

    @Test
    void robotsThatNeverAnswerFailTheJobAndSyncDeploysExactlyThem() throws Exception {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 40);
        List<String> neverPoll = robots.subList(0, 2);
        List<String> goSilent = robots.subList(2, 4);
        try (FleetSimulator sim = FleetSimulator.builder(robots).stepLatency(ms(1), ms(5))
                .behave(neverPoll, RobotBehaviour.NEVER_POLLS).behave(goSilent, RobotBehaviour.SILENT_AFTER_HANDED).build()
                .start(endpoint)) {
            String job = create(fleet, 100, 10, 600L);
            assertThat(sim.awaitDone(RUN)).as("the answering robots finished").isTrue();
            await().atMost(RUN).until(() -> sim.stats().robotsHanded(job) == 38);
            assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);

            clock.advance(Duration.ofSeconds(601));

            DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);
            assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.ROBOT_DEPLOYMENT_NO_RESPONSE);
            List<String> silent = List.of(neverPoll.get(0), neverPoll.get(1), goSilent.get(0), goSilent.get(1));
            assertThat(failed.robotDeploymentSummary()).filteredOn(r -> r.status() == RobotStatus.NO_RESPONSE)
                    .extracting(RobotDeployment::arn).containsExactlyInAnyOrderElementsOf(silent);

            String synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet)).arn();
            assertThat(robomaker.describeDeploymentJob(r -> r.job(synced)).robotDeploymentSummary())
                    .extracting(RobotDeployment::arn).containsExactlyInAnyOrderElementsOf(silent);
            sim.reviveSilentRobots();

            assertThat(sim.awaitDone(RUN)).as("the revived robots finished").isTrue();
            DescribeDeploymentJobResponse done = awaitStatus(synced, DeploymentStatus.SUCCEEDED);
            assertThat(done.robotDeploymentSummary()).allSatisfy(r -> assertThat(r.status()).isEqualTo(RobotStatus.IN_SYNC));
            SimulationStats stats = sim.stats();
            assertThat(stats.robotsHanded(synced)).isEqualTo(4);
            assertThat(stats.jobsHandedTo(goSilent.get(0))).isEqualTo(Map.of(job, 1, synced, 1));
            assertThat(stats.jobsHandedTo(neverPoll.get(0))).isEqualTo(Map.of(synced, 1));
            assertThat(stats.maxHandedPerJob()).isEqualTo(1);
            assertThat(stats.errors()).isEmpty();
        }
    }

    @Test
    void aThousandRobotsAtTwentyPercentAreEachDeployedExactlyOnce() throws Exception {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 1000);
        try (FleetSimulator sim = FleetSimulator.builder(robots).stepLatency(ms(1), ms(5)).seed(3).build().start(endpoint)) {
            String job = create(fleet, 20, 50, null);

            assertThat(sim.awaitDone(LARGE_RUN)).as(() -> sim.stats().summary()).isTrue();

            SimulationStats stats = sim.stats();
            System.out.println("SIMULATION 1000 robots at 20%: " + stats.elapsed().toMillis() + " ms");
            awaitStatus(job, DeploymentStatus.SUCCEEDED);
            assertThat(stats.robotsHanded(job)).isEqualTo(1000);
            assertThat(stats.maxHandedPerJob()).isEqualTo(1);
            assertThat(stats.maxDeploying()).isBetween(1, 200);
            assertThat(stats.succeeded()).isEqualTo(1000);
            assertThat(stats.errors()).isEmpty();
            assertThat(seed.count("select count(*) from robot_deployment where job_arn = $1 and status = 'InSync' "
                    + "and handed_at is not null", job)).isEqualTo(1000);
        }
    }

    private String fleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("sim"))).arn();
    }

    private String create(String fleet, int concurrentPercentage, int failureThresholdPercentage, Long timeoutSeconds) {
        return robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(concurrentPercentage)
                        .failureThresholdPercentage(failureThresholdPercentage).robotDeploymentTimeoutInSeconds(timeoutSeconds))
                .build()).arn();
    }

    private DescribeDeploymentJobResponse awaitStatus(String job, DeploymentStatus status) {
        return await().atMost(RUN).pollInterval(Duration.ofMillis(200))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)), d -> d.status() == status);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
