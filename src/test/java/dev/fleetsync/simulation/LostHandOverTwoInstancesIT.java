package dev.fleetsync.simulation;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.HangingPoll;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
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
 * An instance dies after it committed a hand-over and before the robot read the answer: the robot's next poll, on the
 * other instance, gets the same assignment, and no other robot or job comes of it.
 */
class LostHandOverTwoInstancesIT {
    private static final Duration SOON = Duration.ofSeconds(30);

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = TwoInstances.start("lost-hand-over", Map.of());
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void theOtherInstanceHandsTheSameAssignmentAgainAfterTheFirstDied() throws Exception {
        RoboMakerClient viaSecond = Sdk.client(instances.second().endpoint());
        Seed seed = new Seed(instances.pool());
        String fleet = viaSecond.createFleet(r -> r.name(Sdk.unique("lost"))).arn();
        List<String> robots = seed.robotsInFleet(fleet, 2);
        String app = seed.applicationWithVersions(1);
        String job = viaSecond.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(50).failureThresholdPercentage(100)).build()).arn();
        String robot = robots.get(0);
        await().atMost(SOON).until(() -> seed.count("select count(*) from robot_deployment where job_arn = $1 and robot_arn = $2 "
                + "and deployment_start_time is not null", job, robot) == 1);

        try (HangingPoll hanging = HangingPoll.send(instances.first().endpoint(), robot)) {
            await().atMost(SOON).until(() -> seed.count("select count(*) from robot_deployment where job_arn = $1 and robot_arn = $2 "
                    + "and status = 'Deploying'", job, robot) == 1);
            ProcessHandle.of(instances.first().pid()).ifPresent(ProcessHandle::destroyForcibly); // dies before the robot reads
        }

        Agent agent = new Agent(instances.second().endpoint(), robot);
        assertThat(agent.poll(0).getString("deploymentJob")).isEqualTo(job);
        assertThat(new Agent(instances.second().endpoint(), robots.get(1)).poll(0).getMap("$")).as("no second robot").isEmpty();
        assertThat(agent.reportOk(job, "Finished", 100, "Succeeded", null)).isFalse();
        Agent next = new Agent(instances.second().endpoint(), robots.get(1));
        await().atMost(SOON).until(() -> next.poll(1).getString("deploymentJob"), job::equals);
        next.reportOk(job, "Finished", 100, "Succeeded", null);
        await().atMost(SOON).until(() -> viaSecond.describeDeploymentJob(r -> r.job(job)).status() == DeploymentStatus.SUCCEEDED);
        assertThat(seed.count("select count(*) from robot_deployment where robot_arn = $1 and handed_at is not null", robot)).isEqualTo(1);
    }
}
