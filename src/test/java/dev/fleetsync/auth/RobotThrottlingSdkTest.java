package dev.fleetsync.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;

/**
 * Robots' polls and reports are counted apart from API calls (%test): account 666666666666 may make 2 API calls
 * and its robots poll freely; account 777777777777 calls the API freely and its robots may poll 3 times. Neither bucket
 * refills during the test.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotThrottlingSdkTest extends ServiceTest {

    @Test
    void robotsPollingBeyondTheApiBurstLeaveTheApiCallsTheirOwnBucket() {
        String robot = robotOf("666666666666");
        RoboMakerClient api = signedAs("AKIDFLEETSYNCROBOTS", "robots-secret");
        for (int i = 0; i < 5; i++) {
            poll(robot, "AKIDFLEETSYNCROBOTS", "robots-secret").then().statusCode(200);
        }

        api.listFleets(r -> r.maxResults(1));
        api.listFleets(r -> r.maxResults(1));

        assertThatThrownBy(() -> api.listFleets(r -> r.maxResults(1))).isInstanceOfSatisfying(RoboMakerException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
        poll(robot, "AKIDFLEETSYNCROBOTS", "robots-secret").then().statusCode(200); // and the API's limit spares the robots
    }

    @Test
    void thePollAfterTheConfiguredRobotBurstIsThrottledWhateverTheApiCalls() {
        String robot = robotOf("777777777777");
        RoboMakerClient api = signedAs("AKIDFLEETSYNCAGENT", "agent-secret");
        for (int i = 0; i < 5; i++) {
            api.listFleets(r -> r.maxResults(1));
        }
        for (int i = 0; i < 3; i++) {
            poll(robot, "AKIDFLEETSYNCAGENT", "agent-secret").then().statusCode(200);
        }

        Response refused = poll(robot, "AKIDFLEETSYNCAGENT", "agent-secret");

        refused.then().statusCode(400).header("X-Amzn-ErrorType", "ThrottlingException");
        assertThat(refused.jsonPath().getString("message")).isEqualTo("Rate exceeded");
        api.listFleets(r -> r.maxResults(1));
    }

    private Response poll(String robot, String accessKey, String secret) {
        byte[] body = ("{\"robot\": \"" + robot + "\", \"waitSeconds\": 0}").getBytes(StandardCharsets.UTF_8);
        URI target = endpoint.resolve("/agent/v1/poll");
        return given().baseUri(endpoint.toString()).contentType("application/json")
                .headers(Signing.headers("POST", target, body, accessKey, secret, Instant.now())).body(body).post("/agent/v1/poll");
    }

    /** A robot of the account, outside any fleet: its polls find no work. */
    private String robotOf(String account) {
        String name = "r-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = "arn:aws:robomaker:us-west-2:" + account + ":robot/" + name + "/" + System.currentTimeMillis();
        pool.preparedQuery("""
                insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, status)
                values ($1, $2, $3, 'X86_64', $3, $4, 'Available')
                """).execute(Tuple.of(account, arn, name, OffsetDateTime.now(ZoneOffset.UTC))).await().indefinitely();
        return arn;
    }
}
