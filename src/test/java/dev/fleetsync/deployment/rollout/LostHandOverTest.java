package dev.fleetsync.deployment.rollout;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.HandOverFault;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.HangingPoll;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/**
 * A hand-over whose answer was lost (the instance failed after the commit, the robot's connection dropped): the robot's
 * next poll gets the same assignment, until it reports on it, and no other robot and no other job comes of it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class LostHandOverTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void aFaultBetweenTheCommitAndTheAnswerHandsTheSameAssignmentAgain() {
        String fleet = fleet();
        List<String> robots = List.of(robotIn(fleet, "a"), robotIn(fleet, "b"));
        String job = deployOneAtATime(fleet);
        Agent agent = new Agent(endpoint, robots.get(0));
        await().atMost(SOON).until(() -> startedRobots(job) == 1);

        HandOverFault.arm();
        assertThatThrownBy(() -> agent.poll(0)).as("the answer is lost").isInstanceOf(Exception.class);
        assertThat(HandOverFault.armed()).as("the fault fired after a hand-over").isFalse();

        JsonPath again = agent.poll(0);
        assertThat(again.getString("deploymentJob")).isEqualTo(job);
        assertThat(agent.poll(0).getString("deploymentJob")).as("again, until it reports").isEqualTo(job);
        assertThat(new Agent(endpoint, robots.get(1)).poll(0).getMap("$")).as("no second robot").isEmpty();
        assertThat(deploymentStatus(job, robots.get(0))).isEqualTo(RobotStatus.DEPLOYING);
    }

    @Test
    void aRobotWhoseConnectionDroppedAfterTheHandOverGetsTheSameAssignment() throws Exception {
        String fleet = fleet();
        String robot = robotIn(fleet, "dropped");
        String job = deployOneAtATime(fleet);
        await().atMost(SOON).until(() -> startedRobots(job) == 1);

        try (HangingPoll hanging = HangingPoll.send(endpoint, robot)) {
            await().atMost(SOON).until(() -> deploymentStatus(job, robot) == RobotStatus.DEPLOYING);
        } // hangs up without reading the answer

        JsonPath again = new Agent(endpoint, robot).poll(0);
        assertThat(again.getString("deploymentJob")).isEqualTo(job);
        assertThat(again.getMap("launchConfig")).containsEntry("packageName", "hello_world");
    }

    @Test
    void onceTheRobotReportedItIsNotHandedTheAssignmentAgain() {
        String fleet = fleet();
        String robot = robotIn(fleet, "reported");
        String job = deployOneAtATime(fleet);
        Agent agent = new Agent(endpoint, robot);
        await().atMost(SOON).until(() -> agent.poll(1).getString("deploymentJob") != null);

        assertThat(agent.reportOk(job, "DownloadingExtracting", 10, "InProgress", null)).isTrue();

        assertThat(agent.poll(0).getMap("$")).isEmpty();
        assertThat(agent.reportOk(job, "Finished", 100, "Succeeded", null)).isFalse();
        assertThat(agent.poll(0).getMap("$")).isEmpty();
    }

    /** The robot's first poll after the hand-over, the re-sent one and the job's record name the same start and time-out. */
    @Test
    void theResentAssignmentIsTheSameAsTheFirst() {
        String fleet = fleet();
        String robot = robotIn(fleet, "same");
        String job = deployOneAtATime(fleet);
        Agent agent = new Agent(endpoint, robot);

        String first = await().atMost(SOON).until(() -> agent.pollBody(1), body -> body.contains(job));
        String second = agent.pollBody(0);

        assertThat(second).isEqualTo(first);
    }

    private String fleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("lost"))).arn();
    }

    private String robotIn(String fleet, String name) {
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique(name)).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    private String deployOneAtATime(String fleet) {
        String app = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app"))
                .sources(s -> s.s3Bucket("bundles").s3Key("app.tar.gz").architecture(Architecture.X86_64))
                .robotSoftwareSuite(s -> s.name("ROS2").version("Foxy"))).arn();
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        return robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(1).failureThresholdPercentage(100)).build()).arn();
    }

    private long startedRobots(String job) {
        return robomaker.describeDeploymentJob(r -> r.job(job)).robotDeploymentSummary().stream()
                .filter(d -> d.deploymentStartTime() != null).count();
    }

    private RobotStatus deploymentStatus(String job, String robot) {
        return robomaker.describeDeploymentJob(r -> r.job(job)).robotDeploymentSummary().stream()
                .filter(d -> d.arn().equals(robot)).findFirst().orElseThrow().status();
    }
}
