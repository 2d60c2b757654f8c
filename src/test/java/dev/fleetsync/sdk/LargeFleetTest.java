package dev.fleetsync.sdk;

import dev.fleetsync.support.BackgroundStatements;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import dev.fleetsync.support.RolloutDisabled;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating or syncing a job costs the same number of SQL statements for 10 robots as for 10,000. The rollout is off
 * here, so that only the statements of the API call itself are counted.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class LargeFleetTest extends ServiceTest {
    @BeforeEach
    void setUp() {
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

    /**
     * Marking a fleet's robots for a job rewrites every robot row; with room left on each page (V3) the new versions
     * stay on their pages, so the update adds no index entries (a HOT update). Rows that move were not HOT-updated. A
     * page shared with rows other tests wrote and updated may be short of room, hence "almost all"; with full pages
     * (before V3) every robot moved.
     */
    @Test
    void markingAFleetForAJobKeepsEveryRobotOnItsPage() {
        String app = seed.applicationWithVersions(1);
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("pages"))).arn();
        List<String> members = seed.robotsInFleet(fleet, 2_000);
        Map<String, Integer> inserted = pages(fleet);

        String created = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        Map<String, Integer> afterCreate = pages(fleet);
        seed.finish(created, "Failed", List.of(), members);
        robomaker.syncDeploymentJob(r -> r.fleet(fleet));

        assertThat(moved(inserted, afterCreate)).as("robots moved to another page by CreateDeploymentJob").isLessThan(20);
        assertThat(moved(inserted, pages(fleet))).as("robots moved to another page by the job's end and a Sync").isLessThan(20);
        assertThat(seed.count("select count(*) from robot where fleet_arn = $1 and status = 'PendingNewDeployment'", fleet))
                .isEqualTo(2_000);
    }

    private static long moved(Map<String, Integer> before, Map<String, Integer> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        return before.entrySet().stream().filter(robot -> !robot.getValue().equals(after.get(robot.getKey()))).count();
    }

    /** The heap page each robot of the fleet is stored on. */
    private Map<String, Integer> pages(String fleet) {
        Map<String, Integer> pages = new HashMap<>();
        pool.preparedQuery("select arn, (ctid::text::point)[0]::int as page from robot where fleet_arn = $1")
                .execute(Tuple.of(fleet)).await().indefinitely()
                .forEach(row -> pages.put(row.getString("arn"), row.getInteger("page")));
        return pages;
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

    /**
     * Statements the service ran since the reset: the counting queries themselves excluded, and the webhook delivery's
     * sweep (every 500 ms in tests, two statements), which lands inside a call's window or not depending on timing.
     */
    private long statements() {
        return seed.count("select coalesce(sum(calls), 0) from pg_stat_statements where " + BackgroundStatements.EXCLUDED);
    }
}
