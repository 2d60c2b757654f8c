package dev.fleetsync.deployment.rollout;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;

/**
 * DeleteFleet while a rollout step holds the fleet's job (issue 14 point 3): the test plays the step in a transaction of
 * its own, with the step's lock order (the job's row, then the fleet's row, which a step writes last), and DeleteFleet
 * must wait for it instead of deadlocking with it (40P01, a 500, about one call in 20 before).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class FleetDeletionDuringStepTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void deleteFleetWaitsForTheStepAndFailsItsJob() throws Exception {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("doomed"))).arn();
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("r")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        String app = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app"))
                .sources(s -> s.s3Bucket("bundles").s3Key("app.tar.gz").architecture(Architecture.X86_64))
                .robotSoftwareSuite(s -> s.name("ROS2").version("Foxy"))).arn();
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        String job = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        await().atMost(SOON).until(() -> robomaker.describeDeploymentJob(r -> r.job(job)).status() == DeploymentStatus.IN_PROGRESS);

        SqlConnection step = pool.getConnection().await().atMost(SOON);
        try {
            Transaction tx = step.begin().await().atMost(SOON);
            step.preparedQuery("select 1 from deployment_job where arn = $1 for update").execute(Tuple.of(job)).await().atMost(SOON);
            long waitingBefore = lockWaiters();

            CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> robomaker.deleteFleet(r -> r.fleet(fleet)));
            await().atMost(SOON).until(() -> lockWaiters() > waitingBefore || deletion.isDone());
            // the step's last write: mirror the job's status on its fleet
            step.preparedQuery("update fleet set last_deployment_status = 'InProgress' where arn = $1").execute(Tuple.of(fleet))
                    .await().atMost(SOON);
            tx.commit().await().atMost(SOON);

            deletion.get(); // a 500 (the deadlock) fails here
        } finally {
            step.close().await().atMost(SOON);
        }
        DescribeDeploymentJobResponse failed = robomaker.describeDeploymentJob(r -> r.job(job));
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.DEPLOYMENT_FLEET_DOES_NOT_EXIST);
    }

    private long lockWaiters() {
        return pool.query("select count(*) from pg_stat_activity where wait_event_type = 'Lock'").execute().await().atMost(SOON)
                .iterator().next().getLong(0);
    }
}
