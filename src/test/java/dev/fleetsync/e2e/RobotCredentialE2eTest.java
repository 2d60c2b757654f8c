package dev.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** A robot's credential, used by a real agent, serves its own robot only, and not at all once revoked. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BundleStoreResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RobotCredentialE2eTest extends ServiceTest {
    @RegisterExtension
    final Agents agents = new Agents();
    Scenario scenario;

    @BeforeEach
    void fleet() {
        scenario = new Scenario(endpoint, robomaker, agents);
    }

    @Test
    void aRobotCredentialCannotCallTheFleetApiNorDeployAnotherRobot() {
        Scenario.Robot own = scenario.robot(Architecture.X86_64);
        Scenario.Robot other = scenario.robot(Architecture.X86_64);
        assertThatThrownBy(() -> signedAs(own.credential().accessKeyId(), own.credential().secret()).listFleets(r -> {
        })).isInstanceOfSatisfying(RoboMakerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        });
        // An agent that claims the other robot with its own robot's credential.
        RobotAgent impostor = scenario.agentFor(new Scenario.Robot(other.arn(), own.credential()), Map.of(), Map.of());
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));

        String job = scenario.deploy(application, "1");

        await().atMost(Scenario.PATIENCE).until(impostor::logs, log -> log.contains("AccessDeniedException"));
        RobotDeployment deployment = scenario.robotIn(scenario.describe(job), other.arn());
        assertThat(deployment.status()).isNotIn(RobotStatus.IN_SYNC, RobotStatus.DEPLOYING);
        assertThat(deployment.progressDetail() == null || deployment.progressDetail().currentProgress() == null).isTrue();
        assertThat(impostor.logs()).doesNotContain("assigned");
        scenario.sdk.cancelDeploymentJob(r -> r.job(job));
    }

    @Test
    void aRevokedCredentialIsRefusedAndItsAgentGetsNoWork() {
        Scenario.Robot robot = scenario.robot(Architecture.X86_64);
        RobotAgent agent = scenario.agentFor(robot, Map.of(), Map.of());
        await().atMost(Scenario.PATIENCE).until(agent::logs, log -> log.contains("polling"));

        new RobotCredentialCalls(endpoint).delete(robot.credential().accessKeyId()).then().statusCode(200);
        // A poll held open since before the revocation may still be answered; wait for the first refused one.
        await().atMost(Scenario.PATIENCE).until(agent::logs, log -> refusals(log) > 0);
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));
        String job = scenario.deploy(application, "1");
        int before = refusals(agent.logs());

        await().atMost(Scenario.PATIENCE).until(agent::logs, log -> refusals(log) >= before + 2);
        assertThat(agent.logs()).doesNotContain("assigned");
        assertThat(agent.starts()).isEmpty();
        assertThat(scenario.robotIn(scenario.describe(job), robot.arn()).status()).isNotEqualTo(RobotStatus.IN_SYNC);
        scenario.sdk.cancelDeploymentJob(r -> r.job(job));
    }

    private static int refusals(String log) {
        return log.split("UnrecognizedClientException", -1).length - 1;
    }
}
