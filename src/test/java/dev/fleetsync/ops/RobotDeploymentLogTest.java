package dev.fleetsync.ops;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.deployment.RobotDeploymentEnd;
import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator sees in the logs which robots a rollout lost: one INFO line per robot deployment that fails or times out
 * (robot, job, fleet, from, to, failure code), logged once its transaction commits.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotDeploymentLogTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(30); // a bound for a loaded machine, not a speed

    @Test
    void aRobotThatFailsAndARobotThatTimesOutEachLogOneLine() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("robot-log"))).arn();
        List<String> robots = seed.robotsInFleet(fleet, 2);
        Agent failing = new Agent(endpoint, robots.get(0));
        Agent silent = new Agent(endpoint, robots.get(1));

        try (LogCapture logs = LogCapture.start()) {
            String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                    .deploymentConfig(c -> c.concurrentDeploymentPercentage(100).failureThresholdPercentage(100)
                            .robotDeploymentTimeoutInSeconds(600L)).build()).arn();
            await().atMost(SOON).until(() -> job.equals(failing.poll(1).getString("deploymentJob")));
            await().atMost(SOON).until(() -> job.equals(silent.poll(1).getString("deploymentJob")));
            failing.reportOk(job, "ExecutingPreLaunch", 10, "Failed", "PreLaunchFileFailure");
            failing.reportOk(job, "ExecutingPreLaunch", 10, "Failed", "PreLaunchFileFailure"); // a repeated report changes nothing

            clock.advance(Duration.ofSeconds(601)); // the silent robot's time is up at the next step
            await().atMost(SOON).until(() -> linesAbout(logs, robots.get(1)).size() >= 1);
            clock.reset();

            String about = " in deployment job " + job + " of fleet " + fleet + ": ";
            assertThat(linesAbout(logs, robots.get(0)))
                    .containsExactly("Robot " + robots.get(0) + about + "Deploying -> Failed (PreLaunchFileFailure)");
            assertThat(linesAbout(logs, robots.get(1)))
                    .containsExactly("Robot " + robots.get(1) + about + "Deploying -> NoResponse (RobotDeploymentNoResponse)");
        }
    }

    private static List<String> linesAbout(LogCapture logs, String robot) {
        return logs.lines().stream().filter(l -> l.logger().equals(RobotDeploymentEnd.class.getName()))
                .map(LogCapture.Line::message).filter(m -> m.startsWith("Robot " + robot + " ")).toList();
    }
}
