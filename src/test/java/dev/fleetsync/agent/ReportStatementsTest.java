package dev.fleetsync.agent;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.deployment.DeploymentJobErrorCode;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentMove;
import dev.fleetsync.deployment.RobotDeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentStep;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A report the robot may make is one statement (issue 16): ReportSql.PROGRESS for InProgress, FINISH for a final report,
 * each applied on exactly ReportHandler's rule: over every robot deployment status, job status and hand-over, the
 * statement changes the rows exactly when {@link ReportHandler#goesOn} says the robot goes on, and otherwise changes
 * nothing (the report then takes the locking path, which answers as before).
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ReportStatementsTest extends ServiceTest {
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
        int recorded = everyState((deployment, jobStatus, handed) -> {
            int rows = pool.preparedQuery(ReportSql.PROGRESS).execute(ReportSql.progressParameters(Seed.ACCOUNT, job, robot,
                    "Launching", 42f, 7, robot)).await().indefinitely().rowCount();
            boolean expected = handed && ReportHandler.goesOn(deployment, jobStatus);
            String row = row();
            if ((rows == 1) != expected || !row.equals(expected ? "Launching 42 7" : "- - -")) {
                disagreements.add(deployment + "/" + jobStatus + "/handed " + handed + ": " + rows + " row(s), " + row);
            }
            return rows;
        });

        assertThat(disagreements).isEmpty();
        assertThat(recorded).as("Deploying in 3 active statuses, NoResponse in 5 not canceled").isEqualTo(8);
    }

    @Test
    void theFinalStatementEndsTheDeploymentExactlyWhenTheReportHandlerWouldGoOn() {
        List<String> disagreements = new ArrayList<>();
        int ended = 0;
        for (RobotDeploymentMove move : List.of(RobotDeploymentMove.REPORT_SUCCEEDED, RobotDeploymentMove.REPORT_FAILED)) {
            boolean succeeded = move == RobotDeploymentMove.REPORT_SUCCEEDED;
            RobotReport report = new RobotReport(robot, job, RobotDeploymentStep.Launching, 60f, 5,
                    succeeded ? RobotReport.Result.Succeeded : RobotReport.Result.Failed,
                    succeeded ? null : DeploymentJobErrorCode.PostLaunchFileFailure, succeeded ? null : "exit 3");
            ended += everyState((deployment, jobStatus, handed) -> {
                robotStatus("Deploying");
                var rows = pool.preparedQuery(ReportSql.FINISH).execute(ReportSql.finishParameters(Seed.ACCOUNT, report, move,
                        robot, Instant.parse("2026-12-02T10:00:00Z"))).await().indefinitely();
                boolean expected = handed && ReportHandler.goesOn(deployment, jobStatus);
                String after = row() + " | " + ended();
                String wanted = !expected ? "- - - | " + deployment + " - Deploying -"
                        : succeeded ? "Finished 100 0 | InSync - InSync 1"
                        : "Launching 60 5 | Failed PostLaunchFileFailure Failed -";
                if (rows.size() != (expected ? 1 : 0) || !after.equals(wanted)
                        || expected && !rows.iterator().next().getString(1).equals(deployment.name())) {
                    disagreements.add(deployment + "/" + jobStatus + "/handed " + handed + "/" + move.to() + ": "
                            + rows.size() + " row(s), " + after);
                }
                return rows.size();
            });
        }

        assertThat(disagreements).isEmpty();
        assertThat(ended).as("8 states, each ended both ways").isEqualTo(16);
    }

    /** A check of one state: the deployment's status, its job's, and whether it was handed; answers the rows changed. */
    private interface StateCheck {
        int rowsChanged(RobotDeploymentStatus deployment, DeploymentStatus job, boolean handed);
    }

    /** Sets the deployment to every state in turn and runs the check there; the rows changed in all. */
    private int everyState(StateCheck check) {
        int changed = 0;
        for (RobotDeploymentStatus deployment : RobotDeploymentStatus.values()) {
            for (DeploymentStatus jobStatus : DeploymentStatus.values()) {
                for (boolean handed : new boolean[] {false, true}) {
                    set(deployment, jobStatus, handed);
                    changed += check.rowsChanged(deployment, jobStatus, handed);
                }
            }
        }
        return changed;
    }

    @Test
    void aFinalReportEndsTheDeploymentOnceAndARepeatIsHarmless() {
        set(RobotDeploymentStatus.Deploying, DeploymentStatus.InProgress, true);

        assertThat(new Agent(endpoint, robot).reportOk(job, "Launching", 100, "Succeeded", null)).isFalse();
        assertThat(new Agent(endpoint, robot).reportOk(job, "Launching", 100, "Succeeded", null)).as("a repeat is harmless")
                .isFalse();
        new Agent(endpoint, robot).report(job, "Launching", 50, "Failed", "LambdaDeleted").then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException");

        assertThat(ended()).isEqualTo("InSync - InSync 1");
        assertThat(seed.count("select count(*) from event where job_arn = $1 and type = 'RobotDeploymentFinished' and actor = $2",
                job, Sdk.ACCESS_KEY)).isEqualTo(1);
    }

    @Test
    void aFailedReportWithoutItsCodeIsRefusedByName() {
        set(RobotDeploymentStatus.Deploying, DeploymentStatus.InProgress, true);
        String before = ended();

        new Agent(endpoint, robot).report(job, "Launching", 50, "Failed", null).then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException")
                .body("message", org.hamcrest.Matchers.containsString("failureCode"));

        assertThat(ended()).isEqualTo(before).startsWith("Deploying - ");
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
                       handed_at = case when $2 then now() end, progress_step = null, percent_done = null, eta_seconds = null,
                       deployment_finish_time = null, failure_code = null, failure_reason = null
                where account_id = $3 and job_arn = $4 and robot_arn = $5
                """).execute(Tuple.of(deployment.name(), handed, Seed.ACCOUNT, job, robot)).await().indefinitely();
    }

    private void robotStatus(String status) {
        pool.preparedQuery("update robot set status = $1, synced_application_arn = null, synced_application_version = null "
                + "where account_id = $2 and arn = $3").execute(Tuple.of(status, Seed.ACCOUNT, robot)).await().indefinitely();
    }

    /** The deployment's status and failure code, the robot's status and the version it runs. */
    private String ended() {
        return pool.preparedQuery("select d.status || ' ' || coalesce(d.failure_code, '-') || ' ' || r.status || ' ' "
                + "|| coalesce(r.synced_application_version::text, '-') from robot_deployment d join robot r "
                + "on r.account_id = d.account_id and r.arn = d.robot_arn where d.job_arn = $1 and d.robot_arn = $2")
                .execute(Tuple.of(job, robot)).await().indefinitely().iterator().next().getString(0);
    }

    private String row() {
        return pool.preparedQuery(ROW).execute(Tuple.of(job, robot)).await().indefinitely().iterator().next().getString(0);
    }
}
