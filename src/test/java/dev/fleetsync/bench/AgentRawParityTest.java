package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's raw robot-protocol SQL ({@link AgentRaw}) is the service's: on real PostgreSQL, an idle poll and the
 * two kinds of report issue as many statements each way (pg_stat_statements, BEGIN and COMMIT included), and leave the
 * rows the same. Half of each seeded fleet is driven through the service, the other half as raw SQL.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class AgentRawParityTest extends ServiceTest {
    private static final int CALLS = 4;
    private static final String ROW = "select d.status || ' ' || d.progress_step || ' ' || d.percent_done || ' ' || r.status || ' ' "
            + "|| coalesce(r.synced_application_version::text, '-') from robot_deployment d join robot r "
            + "on r.account_id = d.account_id and r.arn = d.robot_arn where d.job_arn = $1 and d.robot_arn = $2";

    private BenchSeed bench;
    private AgentRaw raw;
    private String batch;

    @BeforeEach
    void setUpBench() {
        bench = new BenchSeed(pool.getDelegate());
        Assumptions.assumeTrue(bench.count("select count(*) from pg_settings where name = 'shared_preload_libraries' "
                + "and setting like '%pg_stat_statements%'") == 1, "the database does not load pg_stat_statements");
        bench.execute("create extension if not exists pg_stat_statements");
        raw = new AgentRaw(pool.getDelegate());
        batch = "rawparity" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anIdlePollIssuesTheServicesStatementsAndHandsNothing() {
        bench.emptyFleetOf(batch, 2 * CALLS);
        List<String> robots = BenchSeed.robotsOf(batch, 2 * CALLS);

        double service = StatementParity.perCall(bench, CALLS, i -> assertThat(new Agent(endpoint, robots.get(i)).poll(0).getString("deploymentJob"))
                .isNull());
        double rawSql = StatementParity.perCall(bench, CALLS, i -> assertThat(BenchSeed.await(raw.idlePoll(BenchSeed.ACCOUNT,
                robots.get(CALLS + i)))).isFalse());

        assertThat(rawSql).isEqualTo(service).isPositive();
    }

    @Test
    void reportsIssueTheServicesStatementsAndLeaveTheSameRows() {
        String job = bench.handedJob(batch, 2 * CALLS);
        List<String> robots = BenchSeed.robotsOf(batch, 2 * CALLS);

        double serviceProgress = StatementParity.perCall(bench, CALLS, i -> assertThat(new Agent(endpoint, robots.get(i))
                .reportOk(job, "DownloadingExtracting", AgentPath.percent(i), "InProgress", null)).isTrue());
        double rawProgress = StatementParity.perCall(bench, CALLS, i -> BenchSeed.await(raw.inProgress(BenchSeed.ACCOUNT, job,
                robots.get(CALLS + i), AgentPath.percent(i))));
        assertThat(row(job, robots.get(CALLS))).isEqualTo(row(job, robots.get(0))).startsWith("Deploying DownloadingExtracting 1 ");

        double serviceFinal = StatementParity.perCall(bench, CALLS, i -> assertThat(new Agent(endpoint, robots.get(i))
                .reportOk(job, "Launching", 100, "Succeeded", null)).isFalse());
        double rawFinal = StatementParity.perCall(bench, CALLS, i -> BenchSeed.await(raw.succeeded(BenchSeed.ACCOUNT, job,
                robots.get(CALLS + i))));

        assertThat(rawProgress).isEqualTo(serviceProgress).isPositive();
        assertThat(rawFinal).isEqualTo(serviceFinal).isPositive();
        assertThat(row(job, robots.get(CALLS))).isEqualTo(row(job, robots.get(0))).isEqualTo("InSync Finished 100 InSync 1");
    }

    @Test
    void theRawHandOverHandsAnAdmittedDeploymentOnceAsTheServicesDoes() {
        String job = bench.handedJob(batch, 1);
        String robot = BenchSeed.robotsOf(batch, 1).get(0);
        bench.execute("update robot_deployment set status = 'PendingNewDeployment', handed_at = null where job_arn = '" + job + "'");

        assertThat(BenchSeed.await(raw.idlePoll(BenchSeed.ACCOUNT, robot))).as("the first poll is handed the deployment").isTrue();
        assertThat(bench.count("select count(*) from robot_deployment where job_arn = $1 and status = 'Deploying' and handed_at is not null",
                job)).isEqualTo(1);
        assertThat(new Agent(endpoint, robot).poll(0).getString("deploymentJob")).as("re-sent until reported on").isEqualTo(job);
    }

    private String row(String job, String robot) {
        return BenchSeed.await(pool.getDelegate().preparedQuery(ROW).execute(io.vertx.sqlclient.Tuple.of(job, robot)))
                .iterator().next().getString(0);
    }
}
