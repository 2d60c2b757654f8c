package dev.fleetsync.sdk;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import dev.fleetsync.support.RolloutDisabled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;

/**
 * Creating or syncing a job costs the same number of SQL statements for 10 robots as for 10,000. The rollout is off
 * here, so that only the statements of the API call itself are counted.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class LargeFleetTest {
    @TestHTTPResource("/")
    URI endpoint;
    @Inject
    Pool pool;

    RoboMakerClient robomaker;
    Seed seed;

    @BeforeEach
    void setUp() {
        robomaker = Sdk.client(endpoint);
        seed = new Seed(pool);
        boolean counting = seed.count("select count(*) from pg_settings where name = 'shared_preload_libraries' "
                + "and setting like '%pg_stat_statements%'") == 1;
        Assumptions.assumeTrue(counting, "the database does not load pg_stat_statements");
        pool.query("create extension if not exists pg_stat_statements").execute().await().indefinitely();
    }

    @Test
    void createAndSyncIssueAConstantNumberOfStatementsWhateverTheFleetSize() {
        String app = seed.applicationWithVersions(1);
        Statements small = jobOnFleetOf(10, app);
        Statements large = jobOnFleetOf(10_000, app);

        assertThat(large.create()).isEqualTo(small.create());
        assertThat(large.sync()).isEqualTo(small.sync());
        assertThat(large.create()).isLessThan(20);
    }

    private record Statements(long create, long sync) {
    }

    private Statements jobOnFleetOf(int robots, String app) {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("big"))).arn();
        List<String> members = seed.robotsInFleet(fleet, robots);

        resetStatements();
        String created = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        long create = statements();
        assertThat(seed.count("select count(*) from robot_deployment where job_arn = $1", created)).isEqualTo(robots);

        seed.finish(created, "Failed", List.of(), members);
        resetStatements();
        String synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet)).arn();
        long sync = statements();
        assertThat(seed.count("select count(*) from robot_deployment where job_arn = $1", synced)).isEqualTo(robots);
        return new Statements(create, sync);
    }

    private void resetStatements() {
        pool.query("select pg_stat_statements_reset()").execute().await().indefinitely();
    }

    /** Statements the service ran since the reset (the counting queries themselves excluded). */
    private long statements() {
        return seed.count("select coalesce(sum(calls), 0) from pg_stat_statements where query not ilike '%pg_stat_statements%'");
    }
}
