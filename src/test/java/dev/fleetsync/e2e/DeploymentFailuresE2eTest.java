package dev.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;

/** What fails a robot on the robot itself, as the real agent reports it, and how the job takes it. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BundleStoreResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeploymentFailuresE2eTest extends ServiceTest {
    @RegisterExtension
    final Agents agents = new Agents();
    Scenario scenario;

    @BeforeEach
    void fleet() {
        scenario = new Scenario(endpoint, robomaker, agents);
    }

    @Test
    void aFailingPreLaunchFileFailsThatRobotAndTheThresholdStopsTheRollout() {
        List<Scenario.Robot> robots = scenario.robots(4);
        List<RobotAgent> running = robots.stream()
                .map(r -> scenario.agentFor(r, Map.of(), Map.of("E2E_FAIL_PRE_LAUNCH", "1"))).toList();
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));

        // One robot a wave; the first failure is 25 % of four robots, the threshold.
        String job = scenario.deploy(application, "1", Map.of(), c -> c.concurrentDeploymentPercentage(25).failureThresholdPercentage(25));

        var over = scenario.awaitOver(job);
        assertThat(over.status()).isEqualTo(DeploymentStatus.FAILED);
        List<RobotDeployment> failed = over.robotDeploymentSummary().stream()
                .filter(d -> d.failureCode() == DeploymentJobErrorCode.PRE_LAUNCH_FILE_FAILURE).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).failureReason()).contains("not ready: the arm is not calibrated");
        assertThat(running).allSatisfy(agent -> assertThat(agent.starts()).isEmpty());
        assertThat(running).filteredOn(agent -> !agent.robotArn.equals(failed.get(0).arn()))
                .allSatisfy(agent -> assertThat(agent.logs()).doesNotContain("assigned"));
    }

    @Test
    void aBundleReplacedAfterTheVersionWasCreatedIsAnEtagMismatch() {
        Scenario.Robot robot = scenario.robot(Architecture.X86_64);
        RobotAgent agent = scenario.agentFor(robot, Map.of(), Map.of());
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));
        Bundles.put(scenario.bucket, "picker/v1.tar.gz", Scenario.bundle("tampered").tarGz());

        var over = scenario.awaitOver(scenario.deploy(application, "1"));

        RobotDeployment deployment = scenario.robotIn(over, robot.arn());
        assertThat(deployment.failureCode()).isEqualTo(DeploymentJobErrorCode.ETAG_MISMATCH);
        assertThat(agent.starts()).isEmpty();
    }

    @Test
    void aRobotWhoseArchitectureHasNoSourceFailsWithoutBeingHandedTheJob() throws Exception {
        Scenario.Robot arm = scenario.robot(Architecture.ARM64);
        RobotAgent agent = scenario.agentFor(arm, Map.of("architecture", "ARM64"), Map.of());
        String application = scenario.application("picker/x86-only.tar.gz", Scenario.bundle("v1"));

        var over = scenario.awaitOver(scenario.deploy(application, "1"));

        assertThat(over.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(scenario.robotIn(over, arm.arn()).failureCode())
                .isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        assertThat(agent.starts()).isEmpty();
        assertThat(Files.exists(agent.dir.resolve("bundles").resolve("downloads"))
                && Files.list(agent.dir.resolve("bundles").resolve("downloads")).findAny().isPresent()).isFalse();
    }
}
