package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static dev.fleetsync.support.Requests.deploy;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.ConcurrentDeploymentException;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class MetricsTest extends ServiceTest {
    private static final String MISSING_FLEET = "arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/missing/1700000000000";
    private static final String SYNCS = "fleetsync_syncs_total";
    private static final String REPLAYS = "fleetsync_idempotent_replays_total";
    private static final String REJECTIONS = "fleetsync_concurrency_rejections_total";
    private static final String SYNC_OPERATION = "operation=\"SyncDeploymentJob\"";

    @Inject
    FleetMetrics metrics;

    @Inject
    StatusCounts statusCounts;

    @Test
    void httpRequestsAreCountedPerOperationAndStatus() {
        Scrape before = Scrape.now();

        robomaker.createFleet(r -> r.name(Sdk.unique("metered")));
        assertThatThrownBy(() -> robomaker.describeFleet(r -> r.fleet(MISSING_FLEET))).isInstanceOf(ResourceNotFoundException.class);

        Scrape after = Scrape.now();
        String count = "http_server_requests_seconds_count";
        assertThat(after.value(count, "uri=\"/createFleet\"", "status=\"200\""))
                .isEqualTo(before.value(count, "uri=\"/createFleet\"", "status=\"200\"") + 1);
        assertThat(after.value(count, "uri=\"/describeFleet\"", "status=\"400\""))
                .isEqualTo(before.value(count, "uri=\"/describeFleet\"", "status=\"400\"") + 1);
    }

    @Test
    void aCallAnsweredWithAnAwsErrorIsCountedAsARejectionByOperationAndErrorType() {
        String rejections = "fleetsync_rejections_total";
        String[] missing = {"operation=\"DescribeFleet\"", "error=\"ResourceNotFoundException\""};
        Scrape before = Scrape.now();

        assertThatThrownBy(() -> robomaker.describeFleet(r -> r.fleet(MISSING_FLEET))).isInstanceOf(ResourceNotFoundException.class);
        robomaker.listFleets(r -> { });

        Scrape after = Scrape.now();
        assertThat(after.value(rejections, missing)).isEqualTo(before.value(rejections, missing) + 1);
        assertThat(after.value(rejections, "operation=\"ListFleets\"")).isEqualTo(before.value(rejections, "operation=\"ListFleets\""));
    }

    @Test
    void theReactivePoolIsMeasured() {
        Scrape scrape = Scrape.now();

        assertThat(scrape.has("sql_pool_active")).isTrue();
        assertThat(scrape.has("sql_pool_idle")).isTrue();
        assertThat(scrape.has("sql_pool_queue_size")).isTrue();
        assertThat(scrape.has("sql_pool_usage_seconds_count")).isTrue();
    }

    @Test
    void domainEventsReportedByTheServicesAppearInTheScrape() {
        Scrape before = Scrape.now();

        metrics.syncCreated();
        metrics.idempotentReplay("CreateDeploymentJob");
        metrics.concurrencyRejected("SyncDeploymentJob");
        metrics.timeRolloutTick(() -> io.smallrye.mutiny.Uni.createFrom().item("ticked")).await().indefinitely();
        metrics.longPollStarted();
        metrics.longPollStarted();
        metrics.longPollEnded();

        Scrape after = Scrape.now();
        assertThat(after.value("fleetsync_syncs_total")).isEqualTo(before.value("fleetsync_syncs_total") + 1);
        assertThat(after.value("fleetsync_idempotent_replays_total", "operation=\"CreateDeploymentJob\""))
                .isEqualTo(before.value("fleetsync_idempotent_replays_total", "operation=\"CreateDeploymentJob\"") + 1);
        assertThat(after.value("fleetsync_concurrency_rejections_total", "operation=\"SyncDeploymentJob\""))
                .isEqualTo(before.value("fleetsync_concurrency_rejections_total", "operation=\"SyncDeploymentJob\"") + 1);
        // the scheduler's own ticks are timed too, so more than this one may have been recorded between the scrapes
        assertThat(after.value("fleetsync_rollout_tick_seconds_count"))
                .isGreaterThanOrEqualTo(before.value("fleetsync_rollout_tick_seconds_count") + 1);
        assertThat(after.value("fleetsync_long_polls_waiting")).isEqualTo(before.value("fleetsync_long_polls_waiting") + 1);
        metrics.longPollEnded();
    }

    @Test
    void robotsByStatusAreCountedFromTheDatabase() {
        statusCounts.refresh().await().atMost(Duration.ofSeconds(10));
        double available = Scrape.now().value("fleetsync_robots", "status=\"Available\"");

        robomaker.createRobot(r -> r.name(Sdk.unique("counted")).architecture(Architecture.X86_64)
                .greengrassGroupId(java.util.UUID.randomUUID().toString()));
        statusCounts.refresh().await().atMost(Duration.ofSeconds(10));

        assertThat(Scrape.now().value("fleetsync_robots", "status=\"Available\"")).isEqualTo(available + 1);
        assertThat(Scrape.now().value("fleetsync_deployment_jobs", "status=\"InProgress\"")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aTimedRolloutTickIsRecordedEvenWhenItFails() {
        // by its outcome: the scheduler's own ticks, which succeed, run meanwhile and count under outcome="success"
        Scrape before = Scrape.now();

        assertThatThrownBy(() -> metrics.timeRolloutTick(() -> io.smallrye.mutiny.Uni.createFrom()
                .failure(new IllegalStateException("tick failed"))).await().indefinitely()).hasMessage("tick failed");

        assertThat(Scrape.now().value("fleetsync_rollout_tick_seconds_count", "outcome=\"failure\""))
                .isEqualTo(before.value("fleetsync_rollout_tick_seconds_count", "outcome=\"failure\"") + 1);
    }

    @Test
    void aSyncThatCreatesAJobIsCountedOnce() {
        String fleet = fleetWithFinishedDeployment(robomaker);
        Scrape before = Scrape.now();

        robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(UUID.randomUUID().toString()));

        Scrape after = Scrape.now();
        assertThat(after.value(SYNCS)).isEqualTo(before.value(SYNCS) + 1);
        assertThat(after.value(REPLAYS, SYNC_OPERATION)).isEqualTo(before.value(REPLAYS, SYNC_OPERATION));
    }

    @Test
    void aReplayedSyncIsCountedAsAReplayAndNotAsASync() {
        String fleet = fleetWithFinishedDeployment(robomaker);
        String token = UUID.randomUUID().toString();
        robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));
        Scrape before = Scrape.now();

        robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));

        Scrape after = Scrape.now();
        assertThat(after.value(REPLAYS, SYNC_OPERATION)).isEqualTo(before.value(REPLAYS, SYNC_OPERATION) + 1);
        assertThat(after.value(SYNCS)).isEqualTo(before.value(SYNCS));
    }

    @Test
    void aSyncRefusedForAnActiveJobIsCountedAsAConcurrencyRejection() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("busy"))).arn();
        seed.robotsInFleet(fleet, 1); // never polls: the job stays active
        robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build());
        Scrape before = Scrape.now();

        assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ConcurrentDeploymentException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConcurrentDeploymentException"));

        Scrape after = Scrape.now();
        assertThat(after.value(REJECTIONS, SYNC_OPERATION)).isEqualTo(before.value(REJECTIONS, SYNC_OPERATION) + 1);
        assertThat(after.value(SYNCS)).isEqualTo(before.value(SYNCS));
    }

    @Test
    void theSchedulersTicksAreTimed() {
        double before = Scrape.now().value("fleetsync_rollout_tick_seconds_count");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Scrape.now().value("fleetsync_rollout_tick_seconds_count") >= before + 1);
    }

    /** A fleet whose one deployment finished, so that it can be synced. */
    private String fleetWithFinishedDeployment(RoboMakerClient robomaker) {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("synced"))).arn();
        seed.robotsInFleet(fleet, 1); // keeps the job active (and away from the scheduler's finish) until seeded as done
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        seed.finish(job, "Succeeded", List.of(), List.of());
        return fleet;
    }
}
