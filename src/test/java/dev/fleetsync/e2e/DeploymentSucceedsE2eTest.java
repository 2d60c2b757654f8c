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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** Real agents take a real bundle from a real S3-compatible store and run it the way the job says. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BundleStoreResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeploymentSucceedsE2eTest extends ServiceTest {
    @RegisterExtension
    final Agents agents = new Agents();
    Scenario scenario;

    @BeforeEach
    void fleet() {
        scenario = new Scenario(endpoint, robomaker, agents);
    }

    @Test
    void everyRobotRunsTheVersionWithItsEnvironment() throws Exception {
        List<Scenario.Robot> robots = scenario.robots(3);
        List<RobotAgent> running = scenario.agentsFor(robots);
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));

        String job = scenario.deploy(application, "1", Map.of("ROBOT_MODE", "e2e", "SPEED", "0.5"), c -> {
        });

        var over = scenario.awaitOver(job);
        assertThat(over.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(over.robotDeploymentSummary()).allSatisfy(d -> assertThat(d.status()).isEqualTo(RobotStatus.IN_SYNC));
        for (RobotAgent agent : running) {
            Map<String, Object> launch = await().atMost(Scenario.PATIENCE).until(agent::running, l -> l != null);
            Map<String, String> env = RobotAgent.environmentOf(launch);
            assertThat(launch.get("version")).isEqualTo("v1");
            assertThat(launch.get("argv")).isEqualTo(List.of(Scenario.PACKAGE, Scenario.LAUNCH_FILE));
            assertThat((String) launch.get("cwd")).startsWith(agent.dir.resolve("bundles").resolve("jobs").toString());
            assertThat(env).containsEntry("ROBOT_MODE", "e2e").containsEntry("SPEED", "0.5")
                    .containsEntry("FLEETSYNC_APPLICATION_VERSION", "1").containsEntry("FLEETSYNC_DEPLOYMENT_JOB", job)
                    .doesNotContainKeys("FLEETSYNC_SECRET_ACCESS_KEY", "FLEETSYNC_ACCESS_KEY_ID");
            assertThat(env.values()).noneMatch(v -> v.contains(BundleStoreResource.SECRET));
            Path bundle = Path.of((String) launch.get("cwd"));
            assertThat(Files.readString(bundle.resolve("pre-launch.ran"))).contains("pre-launch of v1");
            await().atMost(Scenario.PATIENCE).until(() -> Files.exists(bundle.resolve("post-launch.ran")));
            assertThat(agent.starts()).hasSize(1);
        }
    }

    @Test
    void aRobotRegisteredLaterIsBroughtUpBySyncDeploymentJob() {
        List<RobotAgent> first = scenario.agentsFor(scenario.robots(2));
        String application = scenario.application("picker/v1.tar.gz", Scenario.bundle("v1"));
        assertThat(scenario.awaitOver(scenario.deploy(application, "1")).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        Scenario.Robot late = scenario.robot(software.amazon.awssdk.services.robomaker.model.Architecture.X86_64);
        RobotAgent lateAgent = scenario.agentFor(late, Map.of(), Map.of());

        String sync = scenario.sdk.syncDeploymentJob(r -> r.fleet(scenario.fleet).clientRequestToken(UUID.randomUUID().toString())).arn();

        var over = scenario.awaitOver(sync);
        assertThat(over.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(over.robotDeploymentSummary()).extracting(d -> d.arn()).containsExactly(late.arn());
        Map<String, Object> launch = await().atMost(Scenario.PATIENCE).until(lateAgent::running, l -> l != null);
        assertThat(launch.get("version")).isEqualTo("v1");
        assertThat(RobotAgent.environmentOf(launch)).containsEntry("ROBOT_MODE", "e2e");
        assertThat(first).allSatisfy(agent -> assertThat(agent.starts()).hasSize(1));
    }
}
