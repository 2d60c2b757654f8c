package dev.fleetsync.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.api.http.RequestIds;
import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RequestLogTest extends ServiceTest {
    @Test
    void aLineLoggedAfterADatabaseRoundTripCarriesTheRequestIdAndOperation() {
        try (LogCapture logs = LogCapture.start()) {
            String requestId = given().queryParam("token", "one").get("/ops-test/log-after-database")
                    .then().statusCode(200).extract().header(RequestIds.HEADER);

            LogCapture.Line line = only(logs, OpsProbeResource.MESSAGE + "one");
            assertThat(line.requestId()).isEqualTo(requestId);
            assertThat(line.operation()).isEqualTo("LogAfterDatabase");
        }
    }

    @Test
    void eachApiRequestEndsWithOneLineNamingItsOperationAndStatus() {
        try (LogCapture logs = LogCapture.start()) {
            String requestId = given().contentType("application/json").body("{\"name\":\"" + Sdk.unique("logged") + "\"}")
                    .post("/createFleet").then().statusCode(200).extract().header(RequestIds.HEADER);

            List<LogCapture.Line> requestLines = eventually(() -> logs.lines().stream()
                    .filter(l -> l.logger().equals("dev.fleetsync.requests") && requestId.equals(l.requestId())).toList());
            assertThat(requestLines).singleElement().satisfies(line -> {
                assertThat(line.operation()).isEqualTo("CreateFleet");
                assertThat(line.message()).startsWith("CreateFleet 200 ");
            });
        }
    }

    @Test
    void aRobotsSuccessfulPollLogsAtDebugAndItsRefusedPollAtInfo() {
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("quiet")).architecture(Architecture.X86_64)
                .greengrassGroupId(java.util.UUID.randomUUID().toString())).arn();
        try (LogCapture logs = LogCapture.start()) {
            // given an idle robot's poll, answered with no work
            String answered = new Agent(endpoint, robot).pollResponse().then().statusCode(200).extract().header(RequestIds.HEADER);
            // and a poll for a robot that does not exist (ResourceNotFoundException, 400 as on RoboMaker)
            String refused = new Agent(endpoint, robot.substring(0, robot.lastIndexOf('/') + 1) + "1").pollResponse().then().statusCode(400)
                    .extract().header(RequestIds.HEADER);

            // then the refusal has its INFO line
            assertThat(eventually(() -> requestLines(logs, refused))).singleElement().satisfies(line -> {
                assertThat(line.level()).isEqualTo(Level.INFO);
                assertThat(line.message()).startsWith("Poll 400 ");
            });
            // and the answered poll has none at INFO (DEBUG is below the test's level)
            long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(requestLines(logs, answered)).noneMatch(l -> l.level().intValue() >= Level.INFO.intValue());
                Thread.onSpinWait();
            }
        }
    }

    private static List<LogCapture.Line> requestLines(LogCapture logs, String requestId) {
        return logs.lines().stream().filter(l -> l.logger().equals("dev.fleetsync.requests") && requestId.equals(l.requestId())).toList();
    }

    @Test
    void concurrentRequestsNeverSeeEachOthersRequestId() {
        try (LogCapture logs = LogCapture.start()) {
            Map<String, String> idByToken = IntStream.range(0, 12).mapToObj(i -> "token" + i)
                    .map(token -> CompletableFuture.supplyAsync(() -> Map.entry(token,
                            given().queryParam("token", token).get("/ops-test/log-after-database").then().statusCode(200)
                                    .extract().header(RequestIds.HEADER))))
                    .toList().stream().map(CompletableFuture::join)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

            idByToken.forEach((token, id) -> assertThat(only(logs, OpsProbeResource.MESSAGE + token).requestId())
                    .as("request id logged for %s", token).isEqualTo(id));
        }
    }

    @Test
    void neitherTheSecretKeyNorTheSignatureOfARequestIsLogged() {
        String signature = "9f3c".repeat(16);
        try (LogCapture logs = LogCapture.start()) {
            robomaker.createFleet(r -> r.name(Sdk.unique("signed")));
            given().header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-west-2/robomaker/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=" + signature)
                    .contentType("application/json").body("{\"fleet\":\"arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/x/1\"}")
                    .post("/describeFleet");

            assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.message())
                    .doesNotContain("test-secret").doesNotContain(signature));
        }
    }

    private static LogCapture.Line only(LogCapture logs, String message) {
        List<LogCapture.Line> found = logs.lines().stream().filter(l -> message.equals(l.message())).toList();
        assertThat(found).as("lines logged as '%s'", message).hasSize(1);
        return found.get(0);
    }

    /** The request line is written when the response ends, which may be just after the client has read it. */
    private static List<LogCapture.Line> eventually(Supplier<List<LogCapture.Line>> lines) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<LogCapture.Line> found = lines.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            found = lines.get();
        }
        return found;
    }
}
