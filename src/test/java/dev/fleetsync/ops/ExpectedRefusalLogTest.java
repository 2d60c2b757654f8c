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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.ConcurrentDeploymentException;

/**
 * A unique violation the service answers (here ConcurrentDeploymentException, from uq_deployment_job_active_fleet) is
 * an answer, not a fault: the embedded PostgreSQL's report of it ("ERROR: duplicate key value ...", its DETAIL and
 * STATEMENT) must not reach the service's log, while a real server error still would. The filter on the forwarding
 * logger is watched, so the test sees what the server wrote and what was let through, and both can fail it; the real
 * error it provokes to show that is judged but kept off the console of whoever runs the tests.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ExpectedRefusalLogTest extends ServiceTest {
    private static final Logger SERVER_LOG = Logger.getLogger(ServerLogFilter.LOGGER);

    record Verdict(String line, boolean kept) {
    }

    @Test
    void aSecondActiveJobOnAFleetIsRefusedWithoutAWarningAnErrorOrTheServersReport() {
        String fleet = busyFleet();
        String application = seed.applicationWithVersions(1);
        String marker = "marker_" + UUID.randomUUID().toString().replace("-", "");
        Filter installed = SERVER_LOG.getFilter();
        assertThat(installed).as("filter on " + ServerLogFilter.LOGGER).isInstanceOf(ServerLogFilter.class);
        List<Verdict> verdicts = new CopyOnWriteArrayList<>();

        try (LogCapture logs = LogCapture.start()) {
            SERVER_LOG.setFilter(record -> {
                boolean kept = installed.isLoggable(record);
                verdicts.add(new Verdict(record.getMessage(), kept));
                return kept && !record.getMessage().contains(marker);
            });

            assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, application, "1")
                    .clientRequestToken(UUID.randomUUID().toString()).build())).isInstanceOf(ConcurrentDeploymentException.class);
            // the server writes in order: once this real error is forwarded, so is everything before it
            assertThatThrownBy(() -> seed.count("select '" + marker + "'::int")).hasMessageContaining("22P02");
            awaitForwarded(verdicts, marker);

            assertThat(verdicts).as("the server's report of the refusal, dropped")
                    .anyMatch(v -> v.line().contains("[23505] ERROR:") && v.line().contains("uq_deployment_job_active_fleet") && !v.kept())
                    .anyMatch(v -> v.line().contains("[23505] STATEMENT:") && !v.kept())
                    .noneMatch(v -> v.line().contains("[23505]") && v.kept());
            assertThat(verdicts).as("a real error, kept").anyMatch(v -> v.line().contains("[22P02] ERROR:") && v.line().contains(marker) && v.kept());
            assertThat(logs.lines()).as("lines at WARN or ERROR").filteredOn(l -> l.level().intValue() >= Level.WARNING.intValue())
                    .isEmpty();
            assertThat(logs.lines()).as("the server's lines that reached the log").filteredOn(l -> l.logger().equals(ServerLogFilter.LOGGER))
                    .extracting(LogCapture.Line::message)
                    .noneMatch(m -> m.contains("uq_deployment_job_active_fleet") || m.contains("duplicate key") || m.contains("23505"));
        } finally {
            SERVER_LOG.setFilter(installed);
        }
    }

    /** A fleet whose job stays active: a robot that never polls keeps it InProgress. */
    private String busyFleet() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("refused"))).arn();
        seed.robotsInFleet(fleet, 1);
        String application = seed.applicationWithVersions(1);
        robomaker.createDeploymentJob(deploy(fleet, application, "1").clientRequestToken(UUID.randomUUID().toString()).build());
        return fleet;
    }

    /** Skipped against a server whose output is not this service's to forward (a configured one, a container). */
    private static void awaitForwarded(List<Verdict> verdicts, String marker) {
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> verdicts.stream().anyMatch(v -> v.line().contains("STATEMENT:") && v.line().contains(marker)));
        } catch (ConditionTimeoutException e) {
            Assumptions.abort("The database's output is not forwarded to this service's log (not the embedded PostgreSQL)");
        }
    }
}
