package dev.fleetsync.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.EventStreamClient;
import dev.fleetsync.support.EventStreamClient.Frame;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/** {@code GET /events} as a client uses it: signed, per account, filtered, resumed with Last-Event-ID, kept alive. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EventStreamTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    RoboMakerClient otherAccount;

    @BeforeEach
    void setUp() {
        otherAccount = signedAs(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
    }

    @Test
    void aStreamWithoutLastEventIdGetsTheChangesMadeAfterItOpenedInOrder() {
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("content-type")).startsWith("text/event-stream");
            String fleet = fleet(robomaker);
            String robot = robotIn(robomaker, fleet);

            List<Frame> events = stream.events(2, SOON);

            assertThat(events).extracting(Frame::event).containsExactly("RobotRegistered", "RobotDeregistered");
            assertThat(events.get(1).seq()).isEqualTo(events.get(0).seq() + 1);
            JsonObject data = new JsonObject(events.get(0).data());
            assertThat(data.getLong("seq")).isEqualTo(events.get(0).seq());
            assertThat(data.getString("type")).isEqualTo("RobotRegistered");
            assertThat(data.getString("actor")).isEqualTo(Sdk.ACCESS_KEY);
            assertThat(data.getString("fleetArn")).isEqualTo(fleet);
            assertThat(data.getString("robotArn")).isEqualTo(robot);
            assertThat(data.getString("time")).isNotBlank();
        }
    }

    @Test
    void anotherAccountsEventsNeverAppear() {
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "", null)) {
            String theirs = fleet(otherAccount);
            robotIn(otherAccount, theirs);
            otherAccount.deleteFleet(r -> r.fleet(theirs));
            String ours = fleet(robomaker);
            robomaker.deleteFleet(r -> r.fleet(ours));

            Frame first = stream.events(1, SOON).get(0);

            assertThat(first.event()).isEqualTo("FleetDeleted");
            assertThat(new JsonObject(first.data()).getString("fleetArn")).isEqualTo(ours);
        }
    }

    @Test
    void aFleetFilterPassesOnlyThatFleetsEvents() {
        String watched = fleet(robomaker);
        String other = fleet(robomaker);
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "fleet=" + encode(watched), null)) {
            robotIn(robomaker, other);
            robotIn(robomaker, watched);
            robomaker.deleteFleet(r -> r.fleet(other));
            robomaker.deleteFleet(r -> r.fleet(watched));

            List<Frame> events = stream.events(3, SOON);

            assertThat(events).extracting(Frame::event).containsExactly("RobotRegistered", "RobotDeregistered", "FleetDeleted");
            assertThat(events).allSatisfy(e -> assertThat(new JsonObject(e.data()).getString("fleetArn")).isEqualTo(watched));
            assertThat(stream.eventsWithin(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aJobFilterOfAnotherJobPassesNothingOfTheFleet() {
        String job = "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-nosuchjob0000";
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "job=" + encode(job), null)) {
            String fleet = fleet(robomaker);
            robotIn(robomaker, fleet);
            robomaker.deleteFleet(r -> r.fleet(fleet));

            assertThat(stream.eventsWithin(Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aResumedStreamMissesNothingAndRepeatsNothing() {
        String fleet = fleet(robomaker);
        long last;
        try (EventStreamClient first = EventStreamClient.open(endpoint, "fleet=" + encode(fleet), null)) {
            robotIn(robomaker, fleet);
            last = first.events(2, SOON).get(1).seq();
        }
        // while nobody listens: more than one read batch (3 in tests) of the fleet's events
        for (int i = 0; i < 3; i++) {
            robotIn(robomaker, fleet);
        }

        try (EventStreamClient resumed = EventStreamClient.open(endpoint, "fleet=" + encode(fleet), Long.toString(last))) {
            robotIn(robomaker, fleet); // and two more after it reconnected
            List<Frame> events = resumed.events(8, SOON);

            assertThat(events).extracting(Frame::seq).isSorted().doesNotHaveDuplicates().allMatch(seq -> seq > last);
            assertThat(events).extracting(Frame::event).containsExactly("RobotRegistered", "RobotDeregistered",
                    "RobotRegistered", "RobotDeregistered", "RobotRegistered", "RobotDeregistered",
                    "RobotRegistered", "RobotDeregistered");
            assertThat(resumed.eventsWithin(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void anUnfilteredResumeSeesEveryNumberAfterTheLastOne() {
        long last;
        try (EventStreamClient first = EventStreamClient.open(endpoint, "", null)) {
            robomaker.deleteFleet(r -> r.fleet(fleet(robomaker)));
            last = first.events(1, SOON).get(0).seq();
        }
        for (int i = 0; i < 4; i++) {
            robomaker.deleteFleet(r -> r.fleet(fleet(robomaker)));
        }

        try (EventStreamClient resumed = EventStreamClient.open(endpoint, "", Long.toString(last))) {
            List<Frame> events = resumed.events(4, SOON);

            assertThat(events).extracting(Frame::seq).containsExactlyElementsOf(LongStream.rangeClosed(last + 1, last + 4).boxed().toList());
        }
    }

    @Test
    void anIdleStreamSendsHeartbeatComments() {
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "job=" + encode(
                "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-idle00000000"), null)) {
            Frame heartbeat = stream.comment(SOON);

            assertThat(heartbeat).isNotNull();
            assertThat(heartbeat.comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void aMalformedLastEventIdIsInvalidParameterNamingIt() {
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "", "12abc")) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.header("x-amzn-errortype")).startsWith("InvalidParameterException");
            assertThat(stream.body()).contains("Last-Event-ID");
        }
    }

    @Test
    void aFleetFilterThatIsNoFleetArnIsInvalidParameterNamingIt() {
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "fleet=not-an-arn", null)) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.header("x-amzn-errortype")).startsWith("InvalidParameterException");
            assertThat(stream.body()).contains("'fleet'");
        }
    }

    @Test
    void anUnsignedStreamIsRefused() {
        try (EventStreamClient stream = EventStreamClient.open(endpoint, "", null, null, null)) {
            assertThat(stream.status()).isEqualTo(403);
            assertThat(stream.header("x-amzn-errortype")).isNotBlank();
        }
    }

    @Test
    void aRobotCredentialMayNotOpenAStream() {
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(Sdk.unique("gg"))).arn();
        RobotCredentialCalls.Issued credential = new RobotCredentialCalls(endpoint).issue(robot);

        try (EventStreamClient stream = EventStreamClient.open(endpoint, "", null, credential.accessKeyId(), credential.secret())) {
            assertThat(stream.status()).isEqualTo(403);
            assertThat(stream.header("x-amzn-errortype")).startsWith("AccessDeniedException");
        }
    }

    private static String fleet(RoboMakerClient client) {
        return client.createFleet(r -> r.name(Sdk.unique("fleet"))).arn();
    }

    /** A robot that joins the fleet and leaves it again: two events of the fleet. */
    private static String robotIn(RoboMakerClient client, String fleet) {
        String robot = client.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(Sdk.unique("gg"))).arn();
        client.registerRobot(r -> r.fleet(fleet).robot(robot));
        client.deregisterRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
