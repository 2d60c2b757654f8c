package dev.fleetsync.deployment.rollout;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** A fleet that changes under a running job (issue 14 point 3): robots deregistered, and moved to another fleet. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class FleetChangeTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    /** One robot at a time: the second robot leaves while the first deploys, and is never handed the job. */
    @Test
    void aRobotDeregisteredBeforeItsTurnIsNeverHandedTheJob() {
        String fleet = fleet();
        String first = robotIn(fleet, "a");
        String leaving = robotIn(fleet, "b");
        String job = deployTo(fleet, 1, 100);
        Agent agent = new Agent(endpoint, first);
        awaitWork(agent, job);

        robomaker.deregisterRobot(r -> r.fleet(fleet).robot(leaving));
        agent.reportOk(job, "Finished", 100, "Succeeded", null);

        DescribeDeploymentJobResponse done = awaitStatus(job, DeploymentStatus.SUCCEEDED);
        assertThat(new Agent(endpoint, leaving).poll(0).getMap("$")).isEmpty();
        RobotDeployment left = of(done, leaving);
        assertThat(left.status()).isEqualTo(RobotStatus.FAILED);
        assertThat(left.failureCode()).isEqualTo(DeploymentJobErrorCode.ROBOT_DEPLOYMENT_ABORTED);
        assertThat(left.failureReason()).contains("deregistered", "before its turn");
        assertThat(left.deploymentStartTime()).isNull();
        assertThat(robomaker.describeRobot(r -> r.robot(leaving)).status()).isEqualTo(RobotStatus.AVAILABLE);
    }

    @Test
    void aRobotDeregisteredWhileDeployingIsToldToStopAndCountsAsFailed() {
        String fleet = fleet();
        String leaving = robotIn(fleet, "a");
        String staying = robotIn(fleet, "b");
        String job = deployTo(fleet, 100, 100);
        Agent leavingAgent = new Agent(endpoint, leaving);
        Agent stayingAgent = new Agent(endpoint, staying);
        awaitWork(leavingAgent, job);
        awaitWork(stayingAgent, job);

        robomaker.deregisterRobot(r -> r.fleet(fleet).robot(leaving));

        assertThat(leavingAgent.reportOk(job, "Launching", 80, "InProgress", null)).as("told to stop").isFalse();
        stayingAgent.reportOk(job, "Finished", 100, "Succeeded", null);
        DescribeDeploymentJobResponse done = awaitStatus(job, DeploymentStatus.SUCCEEDED);
        RobotDeployment left = of(done, leaving);
        assertThat(left.status()).isEqualTo(RobotStatus.FAILED);
        assertThat(left.failureCode()).isEqualTo(DeploymentJobErrorCode.ROBOT_DEPLOYMENT_ABORTED);
        assertThat(left.failureReason()).contains("while deploying");
        assertThat(of(done, staying).status()).isEqualTo(RobotStatus.IN_SYNC);
    }

    /** The leaving robot's failure counts toward the threshold: at 50%, one of two is enough to fail the job. */
    @Test
    void aDeregisteredRobotCountsTowardTheFailureThreshold() {
        String fleet = fleet();
        String leaving = robotIn(fleet, "a");
        String staying = robotIn(fleet, "b");
        String job = deployTo(fleet, 100, 50);
        Agent stayingAgent = new Agent(endpoint, staying);
        awaitWork(stayingAgent, job);

        robomaker.deregisterRobot(r -> r.fleet(fleet).robot(leaving));
        stayingAgent.reportOk(job, "Finished", 100, "Succeeded", null);

        DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.FAILURE_THRESHOLD_BREACHED);
        assertThat(failed.failureReason()).contains("1 of 2 robots failed");
    }

    /**
     * A robot admitted in its fleet's job moves to a fleet whose job is running too: its polls never fail, it is handed
     * the job of the fleet it now belongs to, and both jobs end.
     */
    @Test
    void aRobotMovedToAnotherFleetGetsTheJobOfItsNewFleetAndBothJobsEnd() {
        String oldFleet = fleet();
        String newFleet = fleet();
        String moving = robotIn(oldFleet, "a-moving");
        String staying = robotIn(oldFleet, "b-staying");
        String other = robotIn(newFleet, "c-other");
        String oldJob = deployTo(oldFleet, 100, 100);
        await().atMost(SOON).until(() -> robomaker.describeDeploymentJob(r -> r.job(oldJob)).robotDeploymentSummary().stream()
                .allMatch(d -> d.deploymentStartTime() != null));

        robomaker.deregisterRobot(r -> r.fleet(oldFleet).robot(moving));
        robomaker.registerRobot(r -> r.fleet(newFleet).robot(moving));
        String newJob = deployTo(newFleet, 100, 100);

        Agent movingAgent = new Agent(endpoint, moving);
        awaitWork(movingAgent, newJob);
        assertThat(movingAgent.poll(0).getString("deploymentJob")).isEqualTo(newJob);
        for (Agent agent : new Agent[] {movingAgent, new Agent(endpoint, other)}) {
            awaitWork(agent, newJob);
            agent.reportOk(newJob, "Finished", 100, "Succeeded", null);
        }
        Agent stayingAgent = new Agent(endpoint, staying);
        awaitWork(stayingAgent, oldJob);
        stayingAgent.reportOk(oldJob, "Finished", 100, "Succeeded", null);

        assertThat(of(awaitStatus(newJob, DeploymentStatus.SUCCEEDED), moving).status()).isEqualTo(RobotStatus.IN_SYNC);
        RobotDeployment left = of(awaitStatus(oldJob, DeploymentStatus.SUCCEEDED), moving);
        assertThat(left.failureCode()).isEqualTo(DeploymentJobErrorCode.ROBOT_DEPLOYMENT_ABORTED);
        assertThat(movingAgent.poll(0).getMap("$")).isEmpty();
    }

    private String fleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("change"))).arn();
    }

    /** A robot in the fleet; robots of one test take their turns in the order of their names. */
    private String robotIn(String fleet, String name) {
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique(name)).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    private String deployTo(String fleet, int concurrentPercentage, int failureThresholdPercentage) {
        String app = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app"))
                .sources(s -> s.s3Bucket("bundles").s3Key("app.tar.gz").architecture(Architecture.X86_64))
                .robotSoftwareSuite(s -> s.name("ROS2").version("Foxy"))).arn();
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        return robomaker.createDeploymentJob(deploy(fleet, app, "1").deploymentConfig(c -> c
                .concurrentDeploymentPercentage(concurrentPercentage).failureThresholdPercentage(failureThresholdPercentage))
                .build()).arn();
    }

    private void awaitWork(Agent agent, String job) {
        await().atMost(SOON).until(() -> agent.poll(1).getString("deploymentJob"), job::equals);
    }

    private DescribeDeploymentJobResponse awaitStatus(String job, DeploymentStatus status) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(100))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)), d -> d.status() == status);
    }

    private static RobotDeployment of(DescribeDeploymentJobResponse job, String robot) {
        return job.robotDeploymentSummary().stream().filter(d -> d.arn().equals(robot)).findFirst().orElseThrow();
    }
}
