package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Race;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.WebhookReceiver;
import dev.fleetsync.support.WebhookReceiver.Delivery;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/**
 * Deliveries to a real HTTP receiver started by the test: every event after the subscription, in order, signed, once
 * each after deduplication; retried after failures, redirects not followed, a receiver that keeps failing disables its
 * subscription with the reason, and enabling it again delivers what was held back. The test profile's settings
 * (application.properties): 2 s time-out, 200 ms back-off base, 4 failures disable, batches of 3.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest extends ServiceTest {
    private static final String KEY = "AKIDFLEETSYNCHOOKS";
    private static final String SECRET = "hooks-secret";
    private static final String ACCOUNT = "888888888888";
    private static final Duration SOON = Duration.ofSeconds(30);

    private WebhookReceiver receiver;
    private RoboMakerClient hooks;
    private RobotCredentialCalls calls;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        hooks = signedAs(KEY, SECRET);
        calls = new RobotCredentialCalls(endpoint, KEY, SECRET);
    }

    @AfterEach
    void stopReceiver() {
        pool.preparedQuery("delete from webhook_subscription where account_id = $1").executeAndAwait(Tuple.of(ACCOUNT));
        receiver.close();
    }

    @Test
    void everyMatchingEventArrivesOnceInOrderSignedWithTheSubscriptionsSecret() throws Exception {
        JsonPath created = subscribe("[\"RobotRegistered\", \"RobotDeregistered\"]");
        String fleet = hooks.createFleet(r -> r.name(Sdk.unique("hooks"))).arn();
        List<String> robots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String robot = robot();
            robots.add(robot);
            hooks.registerRobot(r -> r.fleet(fleet).robot(robot));
        }
        hooks.deregisterRobot(r -> r.fleet(fleet).robot(robots.get(0)));
        hooks.deleteFleet(r -> r.fleet(fleet)); // FleetDeleted: filtered out, and passed by the cursor

        List<Long> expected = seqs("select seq from event where account_id = $1 and fleet_arn = $2 "
                + "and type in ('RobotRegistered', 'RobotDeregistered') order by seq", fleet);
        await().atMost(SOON).until(() -> receiver.distinctIds().size() >= expected.size());

        List<Delivery> got = receiver.received();
        assertThat(got).extracting(Delivery::id).containsExactlyElementsOf(expected);
        // four registered, one deregistered, and the three deregistered by DeleteFleet; FleetDeleted filtered out
        assertThat(got).extracting(d -> d.header("X-Fleetsync-Event-Type")).containsExactly("RobotRegistered", "RobotRegistered",
                "RobotRegistered", "RobotRegistered", "RobotDeregistered", "RobotDeregistered", "RobotDeregistered", "RobotDeregistered");
        for (Delivery delivery : got) {
            assertThat(delivery.json().getLong("seq")).isEqualTo(delivery.id());
            assertThat(delivery.json().getString("fleetArn")).isEqualTo(fleet);
            assertThat(delivery.json().getString("actor")).isEqualTo(KEY);
            assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
            assertThat(delivery.header("X-Fleetsync-Subscription-Id")).isEqualTo(created.getString("id"));
            assertThat(verify(created.getString("secret"), delivery)).as("signature of delivery " + delivery.id()).isTrue();
        }
        long last = seqs("select max(seq) from event where account_id = $1 and fleet_arn = $2", fleet).get(0);
        await().atMost(SOON).until(() -> describe(created.getString("id")).getLong("deliveredSequence") == last);
        assertThat(receiver.received()).as("nothing sent twice").hasSize(expected.size());
    }

    @Test
    void aFailedDeliveryIsTriedAgainInOrderAndARedirectIsNotFollowed() throws Exception {
        receiver.answer(n -> n == 0 ? 302 : n == 1 ? 503 : 200);
        JsonPath created = subscribe(null);
        String fleet = hooks.createFleet(r -> r.name(Sdk.unique("retry"))).arn();
        String robot = robot();
        hooks.registerRobot(r -> r.fleet(fleet).robot(robot));
        hooks.deregisterRobot(r -> r.fleet(fleet).robot(robot));

        List<Long> expected = seqs("select seq from event where account_id = $1 and fleet_arn = $2 order by seq", fleet);
        await().atMost(SOON).until(() -> receiver.distinctIds().size() >= expected.size());

        assertThat(receiver.distinctIds()).containsExactlyElementsOf(expected);
        List<Delivery> got = receiver.received();
        assertThat(got).extracting(Delivery::id).as("the first event three times (302, 503, 200), then each once")
                .containsExactly(expected.get(0), expected.get(0), expected.get(0), expected.get(1));
        assertThat(got).extracting(Delivery::path).doesNotContain("/redirected");
        JsonPath after = describe(created.getString("id"));
        assertThat(after.getString("status")).isEqualTo("Enabled");
        assertThat(after.getInt("consecutiveFailures")).as("forgotten after the 2xx").isZero();
        assertThat(after.getString("failingSince")).isNull();
    }

    @Test
    void aReceiverThatKeepsFailingDisablesItsSubscriptionWithTheReasonAndEnablingDeliversWhatWasHeldBack() throws Exception {
        receiver.answer(n -> 500);
        String id = subscribe(null).getString("id");
        String fleet = hooks.createFleet(r -> r.name(Sdk.unique("failing"))).arn();
        String robot = robot();
        hooks.registerRobot(r -> r.fleet(fleet).robot(robot));

        await().atMost(SOON).until(() -> describe(id).getString("status").equals("Disabled"));

        JsonPath disabled = describe(id);
        assertThat(disabled.getInt("consecutiveFailures")).isEqualTo(4);
        assertThat(disabled.getString("failingSince")).isNotNull();
        assertThat(disabled.getString("disabledReason")).contains("4 consecutive failed deliveries").contains("HTTP 500")
                .doesNotContain(receiver.url(""));
        assertThat(receiver.received()).hasSize(4);
        Thread.sleep(1500); // a disabled subscription is not tried again
        assertThat(receiver.received()).hasSize(4);

        receiver.answer(n -> 200);
        calls.post("/updateWebhookSubscription", "{\"id\": \"" + id + "\", \"enabled\": true}").then().statusCode(200);
        long registered = seqs("select seq from event where account_id = $1 and fleet_arn = $2", fleet).get(0);
        await().atMost(SOON).until(() -> receiver.received().size() == 5);
        assertThat(receiver.received().get(4).id()).isEqualTo(registered);
        assertThat(describe(id).getString("status")).isEqualTo("Enabled");
    }

    @Test
    void aReceiverSlowerThanTheTimeOutIsAFailureAndTheEventComesAgain() throws Exception {
        receiver.delayFirst(3_500); // beyond the test profile's 2 s time-out
        subscribe(null);
        String fleet = hooks.createFleet(r -> r.name(Sdk.unique("slow"))).arn();
        String robot = robot();
        hooks.registerRobot(r -> r.fleet(fleet).robot(robot));
        long registered = seqs("select seq from event where account_id = $1 and fleet_arn = $2", fleet).get(0);

        await().atMost(SOON).until(() -> receiver.received().size() >= 2);

        assertThat(receiver.received()).extracting(Delivery::id).startsWith(registered, registered);
    }

    @Test
    void concurrentCreatesNeverPassTheAccountsLimit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<String> outcomes = Race.results(threads, 20, i -> () -> {
                var answer = calls.post("/createWebhookSubscription", "{\"url\": \"" + receiver.url("/q" + i) + "\"}");
                return answer.statusCode() == 200 ? "ok" : answer.getHeader("X-Amzn-ErrorType");
            });
            assertThat(outcomes).filteredOn("ok"::equals).hasSize(10);
            assertThat(outcomes).filteredOn("LimitExceededException"::equals).hasSize(10);
        } finally {
            threads.shutdownNow();
        }
        assertThat(seqs("select count(*) from webhook_subscription where account_id = $1")).containsExactly(10L);
    }

    private JsonPath subscribe(String eventTypes) {
        String body = "{\"url\": \"" + receiver.url("/in?token=receiver-token") + "\""
                + (eventTypes == null ? "" : ", \"eventTypes\": " + eventTypes) + "}";
        var created = calls.post("/createWebhookSubscription", body);
        created.then().statusCode(200);
        return created.jsonPath();
    }

    private JsonPath describe(String id) {
        return calls.post("/describeWebhookSubscription", "{\"id\": \"" + id + "\"}").then().statusCode(200).extract().jsonPath();
    }

    private String robot() {
        return hooks.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(Sdk.unique("gg"))).arn();
    }

    private List<Long> seqs(String sql, Object... more) {
        dev.fleetsync.support.EventsNumbered.await(pool);
        List<Object> values = new ArrayList<>(List.of(ACCOUNT));
        values.addAll(List.of(more));
        List<Long> found = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).executeAndAwait(Tuple.from(values))) {
            found.add(row.getLong(0));
        }
        return found;
    }

    /** The receiver's side of docs/webhooks.md: HMAC-SHA256 over "t.body" with the secret, compared with v1. */
    static boolean verify(String secret, Delivery delivery) throws Exception {
        String header = delivery.header("X-Fleetsync-Signature");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(delivery.body())).equals(v1);
    }
}
