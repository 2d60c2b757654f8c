package dev.fleetsync.ops;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.deployment.JobTransition;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An operator follows a rollout in the logs: one INFO line per committed change of a job's status. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class JobStatusLogTest extends ServiceTest {
    @Test
    void aJobsStepsAndItsCancelEachLogOneLineWithJobFleetAndStatuses() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("logged"))).arn();
        seed.robotsInFleet(fleet, 2);

        try (LogCapture logs = LogCapture.start()) {
            String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
            String started = "Deployment job " + job + " of fleet " + fleet + ": Pending -> InProgress";
            await().atMost(Duration.ofSeconds(10)).until(() -> linesAbout(logs, job) >= 1);

            robomaker.cancelDeploymentJob(r -> r.job(job));
            robomaker.cancelDeploymentJob(r -> r.job(job)); // a retry changes nothing, and logs nothing

            assertThat(logs.lines()).filteredOn(l -> l.logger().equals(JobTransition.class.getName()))
                    .extracting(LogCapture.Line::message)
                    .containsExactly(started, "Deployment job " + job + " of fleet " + fleet + ": InProgress -> Canceled");
        }
    }

    private static long linesAbout(LogCapture logs, String job) {
        return logs.lines().stream().filter(l -> l.logger().equals(JobTransition.class.getName()) && l.message().contains(job)).count();
    }
}
