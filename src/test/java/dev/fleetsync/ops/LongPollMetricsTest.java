package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** fleetsync_long_polls_waiting counts the polls held open, and drops back on every way a poll ends. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class LongPollMetricsTest extends ServiceTest {
    private static final String WAITING = "fleetsync_long_polls_waiting";

    @Test
    void aHeldPollIsCountedUntilItTimesOut() {
        String robot = idleRobot();
        double before = awaitNoOtherPolls();

        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> new Agent(endpoint, robot).poll(2));

        await().atMost(Duration.ofSeconds(5)).until(() -> Scrape.now().value(WAITING) == before + 1);
        assertThat(poll.join().getMap("$")).as("no work").isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> Scrape.now().value(WAITING) == before);
    }

    @Test
    void aPollWhoseClientHangsUpIsNoLongerCounted() throws Exception {
        String robot = idleRobot();
        double before = awaitNoOtherPolls();

        long hungUpAt;
        try (Socket client = new Socket(endpoint.getHost(), endpoint.getPort())) {
            sendPoll(client, robot, 20);
            await().atMost(Duration.ofSeconds(5)).until(() -> Scrape.now().value(WAITING) == before + 1);
            hungUpAt = System.nanoTime();
        }

        // well before the 20 s the poll asked for: the server saw the hang-up and ended the wait
        await().atMost(Duration.ofSeconds(5)).until(() -> Scrape.now().value(WAITING) == before);
        assertThat(Duration.ofNanos(System.nanoTime() - hungUpAt)).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * Polls left held by an earlier test class (a simulator's abandoned requests, say) end within max-poll-wait; wait for
     * them, so that none ends during this test and moves the gauge under it.
     */
    private static double awaitNoOtherPolls() {
        await().atMost(Duration.ofSeconds(25)).until(() -> Scrape.now().value(WAITING) == 0);
        return 0;
    }

    /** A robot in a fleet with no deployment: its polls can only wait. */
    private String idleRobot() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("idle"))).arn();
        return seed.robotsInFleet(fleet, 1).get(0);
    }

    /** A signed poll written by hand, so that the test can drop the connection under it. */
    private void sendPoll(Socket client, String robot, int waitSeconds) throws Exception {
        URI target = endpoint.resolve("/agent/v1/poll");
        byte[] body = ("{\"robot\":\"" + robot + "\",\"waitSeconds\":" + waitSeconds + "}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> signing = Signing.headers("POST", target, body, Sdk.ACCESS_KEY, Sdk.SECRET, Instant.now());
        StringBuilder head = new StringBuilder("POST /agent/v1/poll HTTP/1.1\r\n")
                .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        signing.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        OutputStream out = client.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
