package dev.fleetsync.simulation;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.WebhookReceiver;
import dev.fleetsync.support.WebhookReceiver.Delivery;
import dev.fleetsync.support.sim.FleetSimulator;
import dev.fleetsync.support.sim.ServiceProcess;
import dev.fleetsync.support.sim.TwoInstances;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/**
 * The done-when for webhooks: a receiver gets every event of a 50-robot rollout exactly once after
 * deduplication, in order per job, although the instance delivering to it is killed with kill -9 mid-rollout. The other
 * instance takes the subscription over when the dead one's lease runs out and goes on from the cursor, sending the
 * event that was in flight again (at least once), never skipping one.
 */
class WebhookDeliveryTwoInstancesIT {
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String ACCOUNT = "123456789012";

    private static TwoInstances instances;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = TwoInstances.start("webhooks", Map.of(
                // one key on every instance, so either can open the secret the other sealed
                "fleetsync.webhooks.secret-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "fleetsync.webhooks.timeout", "1s", "fleetsync.webhooks.lease", "3s",
                "fleetsync.webhooks.sweep-period", "300ms", "fleetsync.webhooks.retry-base", "200ms"));
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopAll() {
        if (receiver != null) {
            receiver.close();
        }
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void everyEventOfARolloutArrivesOnceAfterDeduplicationThoughItsDelivererIsKilled() throws Exception {
        receiver.answerAfter(20); // a receiver slower than the rollout: the deliverer always has a backlog in flight
        ServiceProcess a = instances.first();
        ServiceProcess b = instances.second();
        RoboMakerClient viaB = Sdk.client(b.endpoint());
        Seed seed = new Seed(instances.pool());
        String subscription = new RobotCredentialCalls(b.endpoint()).post("/createWebhookSubscription",
                "{\"url\": \"" + receiver.url("/rollout") + "\"}").then().statusCode(200).extract().jsonPath().getString("id");
        long start = one("select delivered_seq from webhook_subscription where id = $1", subscription);

        String fleet = viaB.createFleet(r -> r.name(Sdk.unique("hooked"))).arn();
        List<String> robots = seed.robotsInFleet(fleet, 50);
        String extra = viaB.createRobot(r -> r.name(Sdk.unique("extra")).architecture(Architecture.X86_64)
                .greengrassGroupId(Sdk.unique("gg"))).arn();
        viaB.registerRobot(r -> r.fleet(fleet).robot(extra)); // the first event: some instance claims the subscription
        viaB.deregisterRobot(r -> r.fleet(fleet).robot(extra));
        String app = seed.applicationWithVersions(1);
        String job = viaB.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(20).failureThresholdPercentage(100)).build()).arn();

        try (FleetSimulator sim = FleetSimulator.builder(robots).stepLatency(Duration.ofMillis(100), Duration.ofMillis(300))
                .seed(18).build().start(a.endpoint(), b.endpoint())) {
            await().atMost(SOON).until(() -> seed.count("select count(*) from robot_deployment where job_arn = $1 and status = 'InSync'",
                    job) >= 10 && holder(subscription) != null);
            String holder = holder(subscription);
            ServiceProcess victim = holder.endsWith("/" + a.pid()) ? a : b;
            ServiceProcess survivor = victim == a ? b : a;
            assertThat(holder).as("the lease names one of the two").endsWith("/" + victim.pid());
            int receivedBeforeKill = receiver.received().size();
            ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9, mid-rollout
            sim.moveRobots(victim.endpoint(), survivor.endpoint());
            assertThat(Sdk.client(survivor.endpoint()).describeDeploymentJob(r -> r.job(job)).status())
                    .as("killed while the rollout ran").isIn(DeploymentStatus.IN_PROGRESS, DeploymentStatus.PREPARING);

            assertThat(sim.awaitDone(Duration.ofSeconds(240))).as(() -> sim.stats().summary()).isTrue();
            await().atMost(SOON).until(() -> Sdk.client(survivor.endpoint()).describeDeploymentJob(r -> r.job(job)).status()
                    == DeploymentStatus.SUCCEEDED);
            await().atMost(SOON).until(() -> one("select count(*) from event where seq is null") == 0); // all numbered
            long last = one("select last_seq from event_sequence where account_id = $1", ACCOUNT);
            await().atMost(SOON).until(() -> receiver.distinctIds().size() >= last - start);

            List<Long> expected = new ArrayList<>();
            for (long seq = start + 1; seq <= last; seq++) {
                expected.add(seq);
            }
            assertThat(receiver.distinctIds()).as("every event once after deduplication, in account order")
                    .containsExactlyElementsOf(expected);
            // caught up, the survivor gives its lease back
            await().atMost(Duration.ofSeconds(10)).until(() -> holder(subscription) == null);
            assertThat(one("select count(*) from webhook_subscription where id = $1 and leased_by like $2", subscription,
                    "%/" + survivor.pid())).as("the survivor took the subscription over").isEqualTo(1);
            assertThat(one("select count(*) from event where account_id = $1 and job_arn = $2 and seq > $3", ACCOUNT, job, start))
                    .as("the job's own events").isGreaterThanOrEqualTo(50 * 4);
            assertInOrderPerJob(receiver.received());
            System.out.printf("WEBHOOKS 50-robot rollout, deliverer killed after %d deliveries: %d events, %d deliveries "
                    + "(%d repeated after the kill)%n", receivedBeforeKill, expected.size(), receiver.received().size(),
                    receiver.received().size() - expected.size());
        }
    }

    /** Within a job, first arrivals never go backwards: a receiver that deduplicates sees the job's events in order. */
    private static void assertInOrderPerJob(List<Delivery> deliveries) {
        Map<String, Long> lastOfJob = new HashMap<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Delivery delivery : deliveries) {
            if (!seen.add(delivery.id())) {
                continue;
            }
            String job = delivery.json().getString("jobArn");
            if (job != null) {
                Long before = lastOfJob.put(job, delivery.id());
                assertThat(before == null || before < delivery.id()).as("order of " + job + " at " + delivery.id()).isTrue();
            }
        }
    }

    /** leased_by of a subscription whose lease is running now, else null. */
    private static String holder(String subscription) {
        for (Row row : instances.pool().preparedQuery("select leased_by from webhook_subscription where id = $1 "
                + "and leased_until > now()").executeAndAwait(Tuple.of(subscription))) {
            return row.getString(0);
        }
        return null;
    }

    private static long one(String sql, Object... values) {
        for (Row row : instances.pool().preparedQuery(sql).executeAndAwait(Tuple.from(List.of(values)))) {
            return row.getLong(0);
        }
        throw new AssertionError("no row: " + sql);
    }
}
