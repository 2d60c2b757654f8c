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
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotDeploymentStep;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** Jobs move through their lifecycle as robots poll and report, under the job's deploymentConfig. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RolloutTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void jobWithNoRobotsSucceedsAtOnce() {
        String fleet = fleet();
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();

        awaitStatus(job, DeploymentStatus.SUCCEEDED);
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).lastDeploymentStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void robotThatPollsAndReportsSuccessIsInSyncAndTheJobSucceeds() {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        String app = seed.applicationWithVersions(1);
        String job = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        Agent agent = new Agent(endpoint, robot);

        JsonPath work = awaitWork(agent);
        assertThat(work.getString("deploymentJob")).isEqualTo(job);
        assertThat(work.getString("application")).isEqualTo(app);
        assertThat(work.getString("applicationVersion")).isEqualTo("1");
        assertThat(work.getString("launchConfig.packageName")).isEqualTo("hello_world");
        assertThat(work.getDouble("timeoutAt")).isGreaterThan(System.currentTimeMillis() / 1000.0);
        assertThat(agent.reportOk(job, "DownloadingExtracting", 40, "InProgress", null)).isTrue();
        DescribeDeploymentJobResponse midway = robomaker.describeDeploymentJob(r -> r.job(job));
        assertThat(midway.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        RobotDeployment deploying = midway.robotDeploymentSummary().get(0);
        assertThat(deploying.status()).isEqualTo(RobotStatus.DEPLOYING);
        assertThat(deploying.progressDetail().currentProgress()).isEqualTo(RobotDeploymentStep.DOWNLOADING_EXTRACTING);
        assertThat(deploying.progressDetail().percentDone()).isEqualTo(40f);
        assertThat(deploying.deploymentStartTime()).isNotNull();

        assertThat(agent.reportOk(job, "Finished", 100, "Succeeded", null)).isFalse();

        awaitStatus(job, DeploymentStatus.SUCCEEDED);
        RobotDeployment done = robomaker.describeDeploymentJob(r -> r.job(job)).robotDeploymentSummary().get(0);
        assertThat(done.status()).isEqualTo(RobotStatus.IN_SYNC);
        assertThat(done.deploymentFinishTime()).isAfterOrEqualTo(done.deploymentStartTime());
        assertThat(robomaker.describeRobot(r -> r.robot(robot)).status()).isEqualTo(RobotStatus.IN_SYNC);
        assertThat(robomaker.describeRobot(r -> r.robot(robot)).lastDeploymentJob()).isEqualTo(job);
    }

    @Test
    void noMoreRobotsDeployAtOnceThanTheWaveAllows() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 10);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(20).failureThresholdPercentage(50)).build()).arn();
        awaitStatus(job, DeploymentStatus.IN_PROGRESS);

        List<Agent> agents = robots.stream().map(r -> new Agent(endpoint, r)).toList();
        long handed = agents.stream().filter(a -> a.poll(0).getString("deploymentJob") != null).count();

        assertThat(handed).isEqualTo(2);
    }

    @Test
    void aFinishedRobotFreesItsSlotForTheNext() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 3);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(1).failureThresholdPercentage(100)).build()).arn();
        List<Agent> agents = robots.stream().map(r -> new Agent(endpoint, r)).toList();

        for (int round = 0; round < 3; round++) {
            Agent next = await().atMost(SOON).until(() -> agents.stream().filter(a -> a.poll(0).getString("deploymentJob") != null)
                    .findFirst().orElse(null), a -> a != null);
            next.reportOk(job, "Finished", 100, "Succeeded", null);
        }

        awaitStatus(job, DeploymentStatus.SUCCEEDED);
    }

    @Test
    void silentRobotTimesOutTheJobFailsAndSyncDeploysOnlyThatRobot() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 2);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(100).failureThresholdPercentage(50)
                        .robotDeploymentTimeoutInSeconds(600L)).build()).arn();
        Agent answering = new Agent(endpoint, robots.get(0));
        awaitWork(answering);
        answering.reportOk(job, "Finished", 100, "Succeeded", null);

        clock.advance(Duration.ofSeconds(601));

        DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.ROBOT_DEPLOYMENT_NO_RESPONSE);
        assertThat(failed.robotDeploymentSummary()).filteredOn(r -> r.arn().equals(robots.get(1)))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RobotStatus.NO_RESPONSE));
        String synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet)).arn();
        assertThat(robomaker.describeDeploymentJob(r -> r.job(synced)).robotDeploymentSummary())
                .extracting(RobotDeployment::arn).containsExactly(robots.get(1));
    }

    @Test
    void lateSuccessOfASilentRobotMakesItInSync() {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.robotDeploymentTimeoutInSeconds(600L)).build()).arn();
        Agent agent = new Agent(endpoint, robot);
        awaitWork(agent);
        clock.advance(Duration.ofSeconds(601));
        awaitStatus(job, DeploymentStatus.FAILED);

        assertThat(agent.reportOk(job, "Finished", 100, "Succeeded", null)).isFalse();

        assertThat(robomaker.describeRobot(r -> r.robot(robot)).status()).isEqualTo(RobotStatus.IN_SYNC);
    }

    @Test
    void failuresAtTheThresholdStopTheRolloutOnceRunningRobotsFinish() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 4);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(50).failureThresholdPercentage(25)).build()).arn();
        List<Agent> first = awaitAll(robots, 2);

        first.get(0).reportOk(job, "Launching", 60, "Failed", "PreLaunchFileFailure");
        // the failure freed a slot, but the threshold is reached: the robots still waiting get nothing, however long
        // they poll, and the job waits for the one still running
        List<Agent> waiting = robots.stream().filter(r -> first.stream().noneMatch(a -> a.robotArn().equals(r)))
                .map(r -> new Agent(endpoint, r)).toList();
        assertThat(waiting).allSatisfy(a -> assertThat(a.poll(1).getString("deploymentJob")).isNull());
        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        first.get(1).reportOk(job, "Finished", 100, "Succeeded", null);

        DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.FAILURE_THRESHOLD_BREACHED);
        assertThat(failed.robotDeploymentSummary()).filteredOn(r -> r.deploymentStartTime() == null).hasSize(2);
    }

    @Test
    void cancelMidRolloutStopsRunningRobotsAndStartsNoOther() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 4);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(25)).build()).arn();
        Agent running = awaitAll(robots, 1).get(0);

        robomaker.cancelDeploymentJob(r -> r.job(job));

        assertThat(running.reportOk(job, "Launching", 70, "InProgress", null)).isFalse();
        assertThat(robots.stream().map(r -> new Agent(endpoint, r).poll(0).getString("deploymentJob"))).containsOnlyNulls();
        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isEqualTo(DeploymentStatus.CANCELED);
    }

    @Test
    void reportsThatDoNotFitTheAssignmentAreRefusedAndRepeatsAreHarmless() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 2);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(50)).build()).arn();
        Agent holder = awaitAll(robots, 1).get(0);
        Agent waiting = new Agent(endpoint, robots.stream().filter(r -> !r.equals(holder.robotArn())).findFirst().orElseThrow());

        waiting.report(job, "Validating", 0, "InProgress", null).then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException");
        holder.report(job, "Launching", 50, "Failed", null).then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException");
        holder.report(job, "Launching", 150, "InProgress", null).then().statusCode(400);
        assertThat(holder.reportOk(job, "Finished", 100, "Succeeded", null)).isFalse();
        assertThat(holder.reportOk(job, "Finished", 100, "Succeeded", null)).isFalse();
        holder.report(job, "Launching", 50, "Failed", "LambdaDeleted").then().statusCode(400);
    }

    @Test
    void aWaitingPollIsAnsweredAsSoonAsTheRobotIsStarted() throws Exception {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        Agent agent = new Agent(endpoint, robot);
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> agent.poll(15));
        Thread.sleep(500);

        long created = System.nanoTime();
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();

        assertThat(poll.get(15, java.util.concurrent.TimeUnit.SECONDS).getString("deploymentJob")).isEqualTo(job);
        assertThat(Duration.ofNanos(System.nanoTime() - created)).isLessThan(Duration.ofSeconds(5));
    }

    private String fleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("rollout"))).arn();
    }

    private JsonPath awaitWork(Agent agent) {
        return await().atMost(SOON).until(() -> agent.poll(1), work -> work.getString("deploymentJob") != null);
    }

    /** Polls with every robot until {@code count} of them hold their deployment; returns those. */
    private List<Agent> awaitAll(List<String> robots, int count) {
        List<Agent> agents = robots.stream().map(r -> new Agent(endpoint, r)).toList();
        java.util.List<Agent> holding = new java.util.ArrayList<>();
        await().atMost(SOON).until(() -> {
            agents.stream().filter(a -> !holding.contains(a)).filter(a -> a.poll(0).getString("deploymentJob") != null)
                    .forEach(holding::add);
            return holding.size() >= count;
        });
        return holding;
    }

    private DescribeDeploymentJobResponse awaitStatus(String job, DeploymentStatus status) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(100))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)), d -> d.status() == status);
    }
}
