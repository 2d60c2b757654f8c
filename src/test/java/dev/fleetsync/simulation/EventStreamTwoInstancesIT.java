package dev.fleetsync.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.EventStreamClient;
import dev.fleetsync.support.EventStreamClient.Frame;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.sim.TwoInstances;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/**
 * Any instance serves any account's stream: a write on one instance wakes a stream held on the other (LISTEN/NOTIFY),
 * and a client that reconnects to the other instance with Last-Event-ID misses nothing and gets nothing twice.
 */
class EventStreamTwoInstancesIT {
    private static final Duration SOON = Duration.ofSeconds(30);

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = TwoInstances.start("event-stream", Map.of());
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void aWriteOnOneInstanceWakesAStreamOnTheOtherAndAResumeThereMissesNothing() {
        RoboMakerClient viaSecond = Sdk.client(instances.second().endpoint());
        String fleet = viaSecond.createFleet(r -> r.name(Sdk.unique("events"))).arn();
        String query = "fleet=" + URLEncoder.encode(fleet, StandardCharsets.UTF_8);
        long last;
        try (EventStreamClient onFirst = EventStreamClient.open(instances.first().endpoint(), query, null)) {
            assertThat(onFirst.status()).isEqualTo(200);
            String robot = robot(viaSecond);
            viaSecond.registerRobot(r -> r.fleet(fleet).robot(robot));

            Frame woken = onFirst.events(1, SOON).get(0);

            assertThat(woken.event()).isEqualTo("RobotRegistered");
            last = woken.seq();
            viaSecond.deregisterRobot(r -> r.fleet(fleet).robot(robot));
            assertThat(onFirst.events(1, SOON).get(0).seq()).isEqualTo(last + 1);
            last++;
        }
        String another = robot(viaSecond);
        viaSecond.registerRobot(r -> r.fleet(fleet).robot(another)); // while no stream is open

        try (EventStreamClient onSecond = EventStreamClient.open(instances.second().endpoint(), query, Long.toString(last))) {
            Sdk.client(instances.first().endpoint()).deleteFleet(r -> r.fleet(fleet)); // written on the first instance
            List<Frame> events = onSecond.events(3, SOON);

            assertThat(events).extracting(Frame::event).containsExactly("RobotRegistered", "RobotDeregistered", "FleetDeleted");
            assertThat(events).extracting(Frame::seq).containsExactly(last + 1, last + 2, last + 3);
        }
    }

    private static String robot(RoboMakerClient client) {
        return client.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(Sdk.unique("gg"))).arn();
    }
}
