package dev.fleetsync.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.api.http.RequestIds;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
