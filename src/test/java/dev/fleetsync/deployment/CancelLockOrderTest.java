package dev.fleetsync.deployment;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/**
 * CancelDeploymentJob takes its locks in the documented order (job, robot deployments, robots, fleet), so it cannot
 * deadlock with a transaction that follows the same order. The test plays that transaction: it holds the deploying
 * robot's deployment row, lets the cancel queue behind it, then locks the waiting robot's row. A cancel that locked
 * robots before robot deployments holds that row already: a deadlock (40P01), which PostgreSQL breaks by failing one side.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class CancelLockOrderTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(30); // a bound for a loaded machine, not a speed

    @Test
    void cancelLocksRobotDeploymentsBeforeRobots() throws Exception {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("cancel-order"))).arn();
        List<String> robots = seed.robotsInFleet(fleet, 2); // in ARN order: the first robot's turn comes first
        String deploying = robots.get(0);
        String waiting = robots.get(1);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(50).failureThresholdPercentage(100)
                        .robotDeploymentTimeoutInSeconds(600L)).build()).arn();
        Agent agent = new Agent(endpoint, deploying);
        await().atMost(SOON).until(() -> job.equals(agent.poll(1).getString("deploymentJob")));

        SqlConnection other = pool.getConnection().await().atMost(SOON);
        try {
            Transaction tx = other.begin().await().atMost(SOON);
            long otherPid = other.query("select pg_backend_pid()").execute().await().atMost(SOON).iterator().next().getLong(0);
            other.preparedQuery("select 1 from robot_deployment where job_arn = $1 and robot_arn = $2 for update")
                    .execute(Tuple.of(job, deploying)).await().atMost(SOON);

            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> robomaker.cancelDeploymentJob(r -> r.job(job)));
            await().atMost(SOON).until(() -> waitsFor(otherPid) || cancel.isDone());
            // the robot after the robot deployment, as the lock order says: a deadlock here if the cancel holds it
            other.preparedQuery("select 1 from robot where arn = $1 for update").execute(Tuple.of(waiting)).await().atMost(SOON);
            tx.commit().await().atMost(SOON);

            cancel.get(); // the cancel's side of a deadlock is a 500, and fails here
        } finally {
            other.close().await().atMost(SOON);
        }
        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isEqualTo(DeploymentStatus.CANCELED);
        assertThat(robomaker.describeRobot(r -> r.robot(deploying)).status()).isEqualTo(RobotStatus.FAILED);
        assertThat(robomaker.describeRobot(r -> r.robot(waiting)).status()).isEqualTo(RobotStatus.REGISTERED);
    }

    /** Whether a backend waits for a lock {@code pid} holds: the cancel, queued behind the robot deployment's row. */
    private boolean waitsFor(long pid) {
        return pool.preparedQuery("select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))")
                .execute(Tuple.of((int) pid)).await().atMost(SOON).iterator().next().getLong(0) > 0;
    }
}
