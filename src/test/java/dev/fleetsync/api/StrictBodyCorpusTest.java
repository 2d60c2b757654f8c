package dev.fleetsync.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.api.StrictBodyCorpus.Case;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.TableDigest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict JSON and strict text over every operation that takes a body and over the robot protocol: each generated body
 * (see {@link StrictBodyCorpus}) is refused with a 400 InvalidParameterException naming the member, and the database is
 * left exactly as it was. The rollout is off so that nothing else writes while a case runs.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class StrictBodyCorpusTest extends ServiceTest {
    /** Tag routes take an ARN in the path; one of ours, so a body that slipped through would really tag something. */
    private static final String PATH_ARN = "arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/strict-corpus/1700000000000";

    private static TableDigest digest;

    static List<Case> cases() {
        return StrictBodyCorpus.cases(PATH_ARN);
    }

    @Test
    void theCorpusCoversEveryOperationWithABodyAndEveryKind() {
        Map<String, List<String>> kindsByOperation = cases().stream().collect(Collectors.groupingBy(Case::operation,
                Collectors.mapping(Case::kind, Collectors.toList())));

        assertThat(kindsByOperation).containsKeys("FleetResource.createFleet", "RobotResource.createRobot",
                "RobotApplicationResource.createRobotApplication", "DeploymentResource.createDeploymentJob",
                "TagResource.tagResource", "AgentResource.poll", "AgentResource.report");
        assertThat(kindsByOperation).hasSizeGreaterThanOrEqualTo(22);
        kindsByOperation.forEach((operation, kinds) -> assertThat(kinds).as(operation).contains("duplicate", "utf8", "nul", "surrogate"));
        assertThat(kindsByOperation.get("RobotResource.createRobot")).contains("enum");
        assertThat(kindsByOperation.get("AgentResource.report")).contains("enum");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isRefusedNamingTheMemberAndChangesNothing(Case refused) {
        if (digest == null) {
            digest = new TableDigest(pool);
        }
        Map<String, String> before = digest.take();

        Response response = given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(refused.body()).post(refused.path());

        response.then().statusCode(400).contentType(ContentType.JSON);
        assertThat(response.header("X-Amzn-ErrorType")).isEqualTo("InvalidParameterException");
        assertThat(response.header("x-amzn-RequestId")).isNotBlank();
        String message = response.jsonPath().getString("message");
        assertThat(message).contains(refused.reason());
        if (refused.member() == null) {
            assertThat(message).contains("request body");
        } else {
            assertThat(message).contains("'" + refused.member() + "'");
        }
        assertThat(digest.take()).isEqualTo(before);
    }
}
