package dev.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/**
 * The figures of docs/agent.md, "Footprint", by hand only (never in the suite: 20 agent processes):
 * {@code ./mvnw -o verify -Dtest=AgentFootprintMeasurement -Dmeasure.agent.footprint=true -Dit.test=none
 * -Dagent.tests.skip=true}. Prints the agents' resident memory idle and while deploying, and the wall time from
 * CreateDeploymentJob to every robot Finished, for 20 robots and a 10 MB bundle.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure.agent.footprint", matches = "true")
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BundleStoreResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AgentFootprintMeasurement extends ServiceTest {
    private static final int ROBOTS = 20;
    @RegisterExtension
    final Agents agents = new Agents();

    @Test
    void twentyAgentsTakeATenMegabyteBundle() throws Exception {
        Scenario scenario = new Scenario(endpoint, robomaker, agents);
        byte[] payload = new byte[10 * 1024 * 1024];
        new Random(15).nextBytes(payload); // incompressible: the archive stays 10 MB
        String application = scenario.application("picker/big.tar.gz", Scenario.bundle("big").file("payload.bin", payload));
        // The agent's own defaults for polling and the launch check, as on a robot.
        List<RobotAgent> running = scenario.robots(ROBOTS).stream()
                .map(r -> scenario.agentFor(r, Map.of("poll_wait_seconds", "20", "launch_check_seconds", "5"), Map.of())).toList();
        await().atMost(Scenario.PATIENCE).until(() -> running.stream().allMatch(a -> a.logs().contains("polling")));
        Thread.sleep(Duration.ofSeconds(10).toMillis()); // idle: a couple of polls answered empty
        long idle = running.stream().mapToLong(AgentFootprintMeasurement::rssKb).max().orElseThrow();
        long idleMin = running.stream().mapToLong(AgentFootprintMeasurement::rssKb).min().orElseThrow();

        AtomicLong deployingMax = new AtomicLong();
        long start = System.nanoTime();
        String job = scenario.deploy(application, "1");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            running.forEach(a -> deployingMax.accumulateAndGet(rssKb(a), Math::max));
            return scenario.describe(job).status() == DeploymentStatus.SUCCEEDED;
        });
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("AGENT FOOTPRINT: %d agents, bundle %d bytes; RSS idle %d..%d kB; RSS deploying max %d kB;"
                + " CreateDeploymentJob -> all Finished %d ms%n", ROBOTS, payload.length, idleMin, idle, deployingMax.get(), millis);
        assertThat(scenario.describe(job).robotDeploymentSummary()).hasSize(ROBOTS);
    }

    /** VmRSS of the agent's python process (its stand-in and scripts are other processes). */
    private static long rssKb(RobotAgent agent) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(agent.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
