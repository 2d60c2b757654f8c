package dev.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/** A deployment interrupted on the robot: canceled by the operator, or the agent killed and started again. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BundleStoreResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InterruptedDeploymentE2eTest extends ServiceTest {
    @RegisterExtension
    final Agents agents = new Agents();
    Scenario scenario;

    @BeforeEach
    void fleet() {
        scenario = new Scenario(endpoint, robomaker, agents);
    }

    @Test
    void cancelMidDeploymentStopsTheNewVersionAndRestoresThePreviousOne() {
        Scenario.Robot robot = scenario.robot(Architecture.X86_64);
        // The new version must stay up this long before the next report, which is the one the cancel answers.
        RobotAgent agent = scenario.agentFor(robot, Map.of("launch_check_seconds", "10"), Map.of());
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));
        assertThat(scenario.awaitOver(scenario.deploy(application, "1")).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        String v2 = scenario.newVersion(application, "picker/v2.tar.gz", Scenario.bundle("v2"));

        String job = scenario.deploy(application, v2);
        Map<String, Object> launched = await().atMost(Scenario.PATIENCE).until(agent::running, l -> l != null && "v2".equals(l.get("version")));
        scenario.sdk.cancelDeploymentJob(r -> r.job(job));

        assertThat(scenario.awaitOver(job).status()).isEqualTo(DeploymentStatus.CANCELED);
        Map<String, Object> restored = await().atMost(Scenario.PATIENCE).until(agent::running, l -> l != null && "v1".equals(l.get("version")));
        assertThat(agent.launches()).contains(Map.of("event", "stop", "pid", launched.get("pid")));
        assertThat(RobotAgent.environmentOf(restored)).containsEntry("FLEETSYNC_APPLICATION_VERSION", "1");
        assertThat(agent.logs()).contains("canceled by the service");
    }

    @Test
    void anAgentKilledMidDeploymentFinishesItAfterARestartWithoutASecondHandOver() throws Exception {
        Scenario.Robot robot = scenario.robot(Architecture.X86_64);
        Path hold = Files.createTempFile(Path.of("target").toAbsolutePath(), "e2e-hold", "");
        try {
            RobotAgent agent = scenario.agentFor(robot, Map.of(), Map.of("E2E_HOLD", hold.toString()));
            String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));
            String job = scenario.deploy(application, "1");
            Path reached = Path.of(hold + ".reached");
            await().atMost(Scenario.PATIENCE).until(() -> Files.exists(reached));

            agent.kill();
            Files.delete(reached);
            agent.start();
            await().atMost(Scenario.PATIENCE).until(() -> Files.exists(reached)); // the interrupted step runs again
            Files.delete(hold);

            assertThat(scenario.awaitOver(job).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
            await().atMost(Scenario.PATIENCE).until(agent::running, l -> l != null && "v1".equals(l.get("version")));
            assertThat(agent.starts()).hasSize(1);
            assertThat(agent.log(1)).contains("assigned");
            assertThat(agent.log(2)).contains("resuming").doesNotContain("assigned", "handed again", "DownloadingExtracting");
        } finally {
            Files.deleteIfExists(hold);
        }
    }
}
