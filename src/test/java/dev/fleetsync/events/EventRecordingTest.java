package dev.fleetsync.events;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.events.EventRows.Recorded;
import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;

/** Every change a user cares about is recorded by the real call that makes it, with who caused it. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EventRecordingTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(15);

    EventRows events;

    @BeforeEach
    void setUp() {
        events = new EventRows(pool);
    }

    @Test
    void aJobsRolloutIsRecordedStepByStepWithWhoCausedEachChange() {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        RobotCredentialCalls.Issued credential = new RobotCredentialCalls(endpoint).issue(robot);
        Agent agent = new Agent(endpoint, robot, credential.accessKeyId(), credential.secret());

        awaitWork(agent);
        agent.reportOk(job, "DownloadingExtracting", 40, "InProgress", null);
        agent.reportOk(job, "DownloadingExtracting", 60, "InProgress", null); // the same step again is no new event
        agent.reportOk(job, "Launching", 90, "InProgress", null);
        agent.reportOk(job, "Finished", 100, "Succeeded", null);
        awaitStatus(job, DeploymentStatus.SUCCEEDED);

        List<Recorded> recorded = events.about(Seed.ACCOUNT, job);
        assertThat(recorded).extracting(Recorded::type).filteredOn(t -> !t.equals("DeploymentJobStatusChanged")).containsExactly(
                "DeploymentJobCreated", "RobotDeploymentAdmitted", "RobotDeploymentHandedOver", "RobotDeploymentStep",
                "RobotDeploymentStep", "RobotDeploymentFinished");
        assertThat(recorded.get(0).actor()).isEqualTo(Sdk.ACCESS_KEY);
        assertThat(recorded.get(0).fleetArn()).isEqualTo(fleet);
        assertThat(recorded.get(0).details().getString("applicationVersion")).isEqualTo("1");
        assertThat(of(recorded, "RobotDeploymentAdmitted")).extracting(Recorded::actor).containsExactly(EventLog.SYSTEM);
        assertThat(of(recorded, "RobotDeploymentHandedOver")).extracting(Recorded::actor).containsExactly(robot);
        assertThat(of(recorded, "RobotDeploymentStep")).extracting(e -> e.details().getString("step"))
                .containsExactly("DownloadingExtracting", "Launching");
        assertThat(of(recorded, "RobotDeploymentStep")).extracting(Recorded::actor).containsOnly(robot);
        assertThat(of(recorded, "RobotDeploymentFinished")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(robot);
            assertThat(e.robotArn()).isEqualTo(robot);
            assertThat(e.fleetArn()).isEqualTo(fleet);
        });
        List<Recorded> statuses = of(recorded, "DeploymentJobStatusChanged");
        assertThat(statuses).extracting(Recorded::actor).containsOnly(EventLog.SYSTEM);
        assertThat(statuses.get(0).details().getString("from")).isEqualTo("Pending");
        assertThat(recorded.get(recorded.size() - 1).details().getString("status")).isEqualTo("Succeeded");
        assertThat(recorded).extracting(Recorded::seq).isSorted();
    }

    @Test
    void aFailedReportIsRecordedWithItsFailureCodeAndTheJobsFailureWithItsOwn() {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.failureThresholdPercentage(1)).build()).arn();
        Agent agent = new Agent(endpoint, robot);
        awaitWork(agent);

        agent.reportOk(job, "ExecutingPreLaunch", 30, "Failed", "PreLaunchFileFailure");
        awaitStatus(job, DeploymentStatus.FAILED);

        List<Recorded> recorded = events.about(Seed.ACCOUNT, job);
        assertThat(of(recorded, "RobotDeploymentFailed")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Sdk.ACCESS_KEY); // an account principal speaking for the robot
            assertThat(e.details().getString("failureCode")).isEqualTo("PreLaunchFileFailure");
            assertThat(e.details().getString("failureReason")).isEqualTo("simulated failure");
            assertThat(e.details().getString("step")).isEqualTo("ExecutingPreLaunch");
        });
        Recorded last = recorded.get(recorded.size() - 1);
        assertThat(last.type()).isEqualTo("DeploymentJobStatusChanged");
        assertThat(last.details().getString("status")).isEqualTo("Failed");
        assertThat(last.details().getString("failureCode")).isNotBlank();
        assertThat(last.actor()).isEqualTo(EventLog.SYSTEM);
    }

    @Test
    void aCancelIsRecordedAsItsCallersWithTheRobotItAborted() {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        awaitWork(new Agent(endpoint, robot));

        robomaker.cancelDeploymentJob(r -> r.job(job));

        List<Recorded> recorded = events.about(Seed.ACCOUNT, job);
        assertThat(of(recorded, "RobotDeploymentAborted")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Sdk.ACCESS_KEY);
            assertThat(e.details().getString("failureCode")).isEqualTo("RobotDeploymentAborted");
        });
        assertThat(recorded.get(recorded.size() - 1)).satisfies(e -> {
            assertThat(e.type()).isEqualTo("DeploymentJobStatusChanged");
            assertThat(e.details().getString("status")).isEqualTo("Canceled");
            assertThat(e.actor()).isEqualTo(Sdk.ACCESS_KEY);
        });
    }

    @Test
    void aSilentRobotsTimeOutIsRecordedAsTheSystems() {
        String fleet = fleet();
        String robot = seed.robotsInFleet(fleet, 1).get(0);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.robotDeploymentTimeoutInSeconds(600L)).build()).arn();
        awaitWork(new Agent(endpoint, robot));

        clock.advance(Duration.ofSeconds(601));
        awaitStatus(job, DeploymentStatus.FAILED);

        assertThat(of(events.about(Seed.ACCOUNT, job), "RobotDeploymentTimedOut")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(EventLog.SYSTEM);
            assertThat(e.robotArn()).isEqualTo(robot);
        });
    }

    @Test
    void aSyncedJobIsRecordedAsCreatedByItsCaller() {
        String fleet = fleet();
        String first = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        awaitStatus(first, DeploymentStatus.SUCCEEDED);

        String synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet)).arn();

        assertThat(events.about(Seed.ACCOUNT, synced).get(0)).satisfies(e -> {
            assertThat(e.type()).isEqualTo("DeploymentJobCreated");
            assertThat(e.actor()).isEqualTo(Sdk.ACCESS_KEY);
            assertThat(e.fleetArn()).isEqualTo(fleet);
        });
    }

    @Test
    void membershipAndDeletionsAreRecordedWithTheirCaller() {
        String fleet = fleet();
        String robot = robot();

        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        robomaker.deregisterRobot(r -> r.fleet(fleet).robot(robot));
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        robomaker.deleteFleet(r -> r.fleet(fleet)); // deregisters the robot
        robomaker.deleteRobot(r -> r.robot(robot));

        List<Recorded> recorded = events.about(Seed.ACCOUNT, fleet);
        assertThat(recorded).extracting(Recorded::type).containsExactly("RobotRegistered", "RobotDeregistered", "RobotRegistered",
                "RobotDeregistered", "FleetDeleted");
        assertThat(recorded).extracting(Recorded::actor).containsOnly(Sdk.ACCESS_KEY);
        assertThat(events.about(Seed.ACCOUNT, robot)).extracting(Recorded::type).endsWith("RobotDeleted");
        assertThat(events.about(Seed.ACCOUNT, robot).get(4).actor()).isEqualTo(Sdk.ACCESS_KEY);
    }

    @Test
    void refusedCallsRecordNothing() {
        String fleet = fleet();
        String other = fleet();
        String robot = robot();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        String robotInJob = seed.robotsInFleet(fleet, 1).get(0);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        await().atMost(SOON).until(() -> events.typesAbout(Seed.ACCOUNT, job).contains("RobotDeploymentAdmitted"));
        int before = events.about(Seed.ACCOUNT, job).size();

        assertThatThrownBy(() -> robomaker.registerRobot(r -> r.fleet(other).robot(robot))).isInstanceOf(InvalidParameterException.class);
        new Agent(endpoint, robotInJob).report(job, "Launching", 50, "InProgress", null).then().statusCode(400); // not handed yet

        assertThat(events.about(Seed.ACCOUNT, other)).isEmpty();
        assertThat(events.about(Seed.ACCOUNT, job)).hasSize(before);
    }

    private static List<Recorded> of(List<Recorded> recorded, String type) {
        return recorded.stream().filter(e -> e.type().equals(type)).toList();
    }

    private String fleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("events"))).arn();
    }

    private String robot() {
        return robomaker.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(Sdk.unique("gg"))).arn();
    }

    private JsonPath awaitWork(Agent agent) {
        return await().atMost(SOON).until(() -> agent.poll(1), work -> work.getString("deploymentJob") != null);
    }

    private void awaitStatus(String job, DeploymentStatus status) {
        await().atMost(SOON).until(() -> robomaker.describeDeploymentJob(r -> r.job(job)).status(), status::equals);
    }
}
