package dev.fleetsync.simulation;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.sim.FleetSimulator;
import dev.fleetsync.support.sim.ServiceProcess;
import dev.fleetsync.support.sim.SimulationStats;
import dev.fleetsync.support.sim.TwoInstances;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/**
 * Two separate processes of the packaged service on one database share a rollout: robots poll and report to either,
 * and still every robot is handed the job exactly once and the wave limit holds across both instances.
 */
class TwoInstancesIT {
    /** Generous: three JVMs and a database share the machine with whatever else runs there. */
    private static final Duration RUN = Duration.ofSeconds(360);

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = TwoInstances.start("rollout", Map.of());
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void twoInstancesDeployEveryRobotOfAThousandExactlyOnce() throws Exception {
        ServiceProcess first = instances.first();
        ServiceProcess second = instances.second();
        RoboMakerClient viaFirst = Sdk.client(first.endpoint());
        RoboMakerClient viaSecond = Sdk.client(second.endpoint());
        Seed seed = new Seed(instances.pool());
        String fleet = viaFirst.createFleet(r -> r.name(Sdk.unique("two"))).arn();
        List<String> robots = seed.robotsInFleet(fleet, 1000);
        String app = seed.applicationWithVersions(1);

        // the job first: a thousand robots polling two freshly started JVMs would otherwise hold up the API call
        String job = viaFirst.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(20).failureThresholdPercentage(50)).build()).arn();
        try (FleetSimulator sim = FleetSimulator.builder(robots).stepLatency(Duration.ofMillis(1), Duration.ofMillis(5)).seed(5)
                .rampUp(Duration.ofSeconds(2)).build().start(first.endpoint(), second.endpoint())) {

            assertThat(sim.awaitDone(RUN)).as(() -> sim.stats().summary()).isTrue();

            SimulationStats stats = sim.stats();
            System.out.println("SIMULATION 1000 robots at 20% on two instances: " + stats.elapsed().toMillis() + " ms");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> viaSecond.describeDeploymentJob(r -> r.job(job)).status() == DeploymentStatus.SUCCEEDED);
            assertThat(stats.robotsHanded(job)).isEqualTo(1000);
            assertThat(stats.maxHandedPerJob()).isEqualTo(1);
            assertThat(stats.maxDeploying()).isBetween(1, 200);
            assertThat(stats.succeeded()).isEqualTo(1000);
            assertThat(stats.errors()).isEmpty();
            assertThat(seed.count("select count(*) from robot_deployment where job_arn = $1", job)).isEqualTo(1000);
            assertThat(seed.count("select count(*) from robot_deployment where job_arn = $1 and handed_at is not null "
                    + "and status = 'InSync'", job)).isEqualTo(1000);
        }
    }
}
