package dev.fleetsync.ops;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.ConcurrentDeploymentException;
import software.amazon.awssdk.services.robomaker.model.CreateDeploymentJobRequest;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;

/**
 * Every query of deploy/monitoring/grafana-dashboard.json names only metrics the running service exports: the names
 * come from its own /q/metrics, after calls that make each kind of series exist (a job, a replay, a rejection, a
 * refused call), so a renamed or dropped metric leaves a panel empty here first, not in an operator's Grafana.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class GrafanaDashboardTest extends ServiceTest {
    static final Path DASHBOARD = Manifests.DEPLOY.resolve("monitoring/grafana-dashboard.json");
    private static final String MISSING_FLEET = "arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/missing/1700000000000";

    @Inject
    StatusCounts statusCounts;

    @Test
    void everyQueryOfTheDashboardNamesAMetricTheServiceExports() throws IOException {
        exerciseTheApi();
        Set<String> exported = exported(Scrape.now());
        Map<String, Set<String>> queried = queries();

        assertThat(queried).isNotEmpty();
        assertThat(queried).allSatisfy((expression, names) -> {
            assertThat(names).as("metrics of %s", expression).isNotEmpty();
            assertThat(exported).as("exported, for %s", expression).containsAll(names);
        });
    }

    @Test
    void theDashboardShowsRolloutsRobotsSyncsRejectionsAndEachOperationsRequestsErrorsAndLatency() throws IOException {
        Set<String> names = new TreeSet<>();
        queries().values().forEach(names::addAll);

        assertThat(names).contains("fleetsync_deployment_jobs", "fleetsync_robots", "fleetsync_syncs_total",
                "fleetsync_idempotent_replays_total", "fleetsync_concurrency_rejections_total", "fleetsync_rejections_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max");
    }

    /** A job, a replayed create, a create refused for the active job, and a refused call; then fresh status gauges. */
    private void exerciseTheApi() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("dashboard"))).arn();
        seed.robotsInFleet(fleet, 1); // never polls: the job stays active
        String application = seed.applicationWithVersions(1);
        CreateDeploymentJobRequest create = deploy(fleet, application, "1").clientRequestToken(UUID.randomUUID().toString()).build();
        robomaker.createDeploymentJob(create);
        robomaker.createDeploymentJob(create);
        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, application, "1")
                .clientRequestToken(UUID.randomUUID().toString()).build())).isInstanceOf(ConcurrentDeploymentException.class);
        assertThatThrownBy(() -> robomaker.describeFleet(r -> r.fleet(MISSING_FLEET))).isInstanceOf(ResourceNotFoundException.class);
        statusCounts.refresh().await().atMost(Duration.ofSeconds(10));
    }

    /** Every sample's name, as written: a histogram's series are its _bucket, _count and _sum (and a timer's _max). */
    private static Set<String> exported(Scrape scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }

    /** Each panel's (and each row's panels') expressions with the metric names they read. */
    static Map<String, Set<String>> queries() throws IOException {
        Map<String, Set<String>> queries = new TreeMap<>();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode expression : dashboard.findValues("expr")) {
            queries.put(expression.asText(), PromQl.metricNames(expression.asText()));
        }
        return queries;
    }
}
