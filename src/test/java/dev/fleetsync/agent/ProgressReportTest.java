package dev.fleetsync.agent;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentStatus;
import dev.fleetsync.support.Agent;
import dev.fleetsync.support.BackgroundStatements;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An InProgress report is one statement (AgentSql.PROGRESS, issue 16), recorded on exactly ReportHandler's rule: over
 * every robot deployment status, job status and hand-over, the statement changes the row exactly when
 * {@link ReportHandler#goesOn} says the robot goes on, and otherwise changes nothing (the report then takes the locking
 * path, which answers as before).
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ProgressReportTest extends ServiceTest {
    private static final String ROW = "select coalesce(progress_step, '-') || ' ' || coalesce(percent_done::text, '-') || ' ' "
            + "|| coalesce(eta_seconds::text, '-') from robot_deployment where job_arn = $1 and robot_arn = $2";

    private String job;
    private String robot;

    @BeforeEach
    void aJobWithOneRobot() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("progress"))).arn();
        robot = seed.robotsInFleet(fleet, 1).get(0);
        job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
    }

    @Test
    void theStatementRecordsProgressExactlyWhenTheReportHandlerWouldGoOn() {
        List<String> disagreements = new ArrayList<>();
        int recorded = 0;
        for (RobotDeploymentStatus deployment : RobotDeploymentStatus.values()) {
            for (DeploymentStatus jobStatus : DeploymentStatus.values()) {
                for (boolean handed : new boolean[] {false, true}) {
                    set(deployment, jobStatus, handed);
                    int rows = pool.preparedQuery(AgentSql.PROGRESS).execute(AgentSql.progressParameters(Seed.ACCOUNT, job, robot,
                            "Launching", 42f, 7, robot)).await().indefinitely().rowCount();
                    boolean expected = handed && ReportHandler.goesOn(deployment, jobStatus);
                    String row = row();
                    if ((rows == 1) != expected || !row.equals(expected ? "Launching 42 7" : "- - -")) {
                        disagreements.add(deployment + "/" + jobStatus + "/handed " + handed + ": " + rows + " row(s), " + row);
                    }
                    recorded += rows;
                }
            }
        }

        assertThat(disagreements).isEmpty();
        assertThat(recorded).as("Deploying in 3 active statuses, NoResponse in 5 not canceled").isEqualTo(8);
    }

    @Test
    void aProgressReportIsOneStatementWithoutATransactionAndNamesItsCallerAsItsEventsActor() {
        Assumptions.assumeTrue(seed.count("select count(*) from pg_settings where name = 'shared_preload_libraries' "
                + "and setting like '%pg_stat_statements%'") == 1, "the database does not load pg_stat_statements");
        pool.query("create extension if not exists pg_stat_statements").execute().await().indefinitely();
        set(RobotDeploymentStatus.Deploying, DeploymentStatus.InProgress, true);
        pool.query("select pg_stat_statements_reset()").execute().await().indefinitely();

        assertThat(new Agent(endpoint, robot).reportOk(job, "DownloadingExtracting", 30, "InProgress", null)).isTrue();

        assertThat(seed.count("select coalesce(sum(calls), 0) from pg_stat_statements where " + BackgroundStatements.EXCLUDED))
                .isEqualTo(1);
        assertThat(seed.count("select coalesce(sum(calls), 0) from pg_stat_statements where upper(trim(query)) in ('BEGIN', 'COMMIT')"))
                .isZero();
        assertThat(row()).isEqualTo("DownloadingExtracting 30 -");
        assertThat(seed.count("select count(*) from event where job_arn = $1 and type = 'RobotDeploymentStep' and actor = $2 "
                + "and details->>'step' = 'DownloadingExtracting'", job, Sdk.ACCESS_KEY)).isEqualTo(1);
    }

    @Test
    void aReportTheStatementDoesNotRecordIsAnsweredByTheLockingPath() {
        set(RobotDeploymentStatus.Deploying, DeploymentStatus.Canceled, true);
        assertThat(new Agent(endpoint, robot).reportOk(job, "Launching", 50, "InProgress", null)).as("a canceled job's robot stops")
                .isFalse();

        set(RobotDeploymentStatus.InSync, DeploymentStatus.Succeeded, true);
        new Agent(endpoint, robot).report(job, "Launching", 50, "InProgress", null).then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException");

        set(RobotDeploymentStatus.Deploying, DeploymentStatus.InProgress, false);
        new Agent(endpoint, robot).report(job, "Launching", 50, "InProgress", null).then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException");
        assertThat(row()).as("nothing recorded").isEqualTo("- - -");

        set(RobotDeploymentStatus.NoResponse, DeploymentStatus.Failed, true);
        assertThat(new Agent(endpoint, robot).reportOk(job, "Launching", 80, "InProgress", null)).as("a timed-out robot goes on")
                .isTrue();
        assertThat(row()).isEqualTo("Launching 80 -");
    }

    private void set(RobotDeploymentStatus deployment, DeploymentStatus jobStatus, boolean handed) {
        pool.preparedQuery("update deployment_job set status = $1 where account_id = $2 and arn = $3")
                .execute(Tuple.of(jobStatus.name(), Seed.ACCOUNT, job)).await().indefinitely();
        pool.preparedQuery("""
                update robot_deployment set status = $1, deployment_start_time = now(),
                       handed_at = case when $2 then now() end, progress_step = null, percent_done = null, eta_seconds = null
                where account_id = $3 and job_arn = $4 and robot_arn = $5
                """).execute(Tuple.of(deployment.name(), handed, Seed.ACCOUNT, job, robot)).await().indefinitely();
    }

    private String row() {
        return pool.preparedQuery(ROW).execute(Tuple.of(job, robot)).await().indefinitely().iterator().next().getString(0);
    }
}
