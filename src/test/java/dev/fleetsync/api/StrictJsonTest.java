package dev.fleetsync.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The examples of issue 14 (point 1), each in an otherwise valid request that would have changed something. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class StrictJsonTest extends ServiceTest {
    private static final String ACCOUNT_PREFIX = "arn:aws:robomaker:us-west-2:123456789012:";

    @Test
    void aNameGivenTwiceCreatesNoFleet() {
        String name = Sdk.unique("twice");

        Response response = post("/createFleet", "{\"name\":\"bad name!\",\"name\":\"" + name + "\"}");

        assertRefused(response, "'name'", "Member must appear only once");
        assertThat(count("select count(*) from fleet where name = $1", name)).isZero();
    }

    @Test
    void aOneMemberRequestWithItsMemberTwiceIsRefusedNotAFailure() {
        String fleet = ACCOUNT_PREFIX + "deployment-fleet/" + Sdk.unique("twice") + "/1700000000000";

        assertRefused(post("/describeFleet", "{\"fleet\":\"" + fleet + "\",\"fleet\":\"" + fleet + "\"}"), "'fleet'", "only once");
    }

    @Test
    void aTagKeyGivenTwiceIsNamedAsTheValidatorNamesTagsAndCreatesNothing() {
        String name = Sdk.unique("tagtwice");

        Response response = post("/createFleet", "{\"name\":\"" + name + "\",\"tags\":{\"team\":\"a\",\"team\":\"b\"}}");

        assertRefused(response, "'tags[team]'", "only once");
        assertThat(count("select count(*) from fleet where name = $1", name)).isZero();
    }

    @Test
    void aMemberTwiceInsideAListElementIsNamedByItsPath() {
        Response response = post("/listFleets", "{\"filters\":[{\"name\":\"name\",\"name\":\"name\",\"values\":[\"x\"]}]}");

        assertRefused(response, "'filters[0].name'", "only once");
    }

    @Test
    void overlongEncodingsAreNotReadAsTheCharactersTheyImitate() {
        String name = Sdk.unique("overlong");

        assertRefused(post("/createFleet", bytes("{\"name\":\"" + name, "c181", "\"}")), "'name'", "valid UTF-8");
        assertRefused(post("/createFleet", bytes("{\"name\":\"" + name, "c0af", "\"}")), "'name'", "valid UTF-8");

        assertThat(count("select count(*) from fleet where name like $1", name + "%")).isZero();
    }

    @Test
    void aSurrogateEncodedInUtf8IsRefused() {
        assertRefused(post("/createFleet", bytes("{\"name\":\"" + Sdk.unique("cesu"), "eda080", "\"}")), "'name'", "valid UTF-8");
    }

    @Test
    void malformedBytesOutsideAnyMemberAreReportedForTheBodyAsAWhole() {
        assertRefused(post("/createFleet", bytes("", "ff", "{\"name\":\"x\"}")), "request body is not valid UTF-8", "offset 0");
    }

    @Test
    void aMalformedMapKeyIsReportedAtItsMap() {
        String name = Sdk.unique("badkey");

        Response response = post("/createFleet", bytes("{\"name\":\"" + name + "\",\"tags\":{\"k", "c0af", "\":\"v\"}}"));

        assertRefused(response, "'tags'", "valid UTF-8");
        assertThat(count("select count(*) from fleet where name = $1", name)).isZero();
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedAndNeitherStoredNorEchoed() {
        String name = Sdk.unique("lone");

        Response response = post("/createFleet", "{\"name\":\"" + name + "\\ud800\"}");

        assertRefused(response, "'name'", "unpaired surrogate (U+D800)");
        assertThat(count("select count(*) from fleet where name like $1", name + "%")).isZero();
    }

    @Test
    void aLoneSurrogateInATagKeyIsReportedAtItsMap() {
        String name = Sdk.unique("lonekey");

        assertRefused(post("/createFleet", "{\"name\":\"" + name + "\",\"tags\":{\"a\\udc00\":\"v\"}}"), "'tags'",
                "Member keys must not contain an unpaired surrogate");
        assertRefused(post("/createFleet", "{\"name\":\"" + name + "\",\"tags\":{\"a\\ud800b\":\"v\"}}"), "'tags'",
                "unpaired surrogate");
        assertThat(count("select count(*) from fleet where name = $1", name)).isZero();
    }

    @Test
    void wellFormedTextBeyondAsciiIsStillRead() {
        String name = Sdk.unique("plain");

        post("/createFleet", "{\"name\":\"" + name + "\",\"note\":\"h\u00e9llo \uD83D\uDE00 \\ud83d\\ude00\"}")
                .then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void nulInAnArnMemberIsRefusedBeforeTheDatabaseSeesIt() {
        String fleet = ACCOUNT_PREFIX + "deployment-fleet/x\\u0000/1700000000000";

        assertRefused(post("/describeFleet", "{\"fleet\":\"" + fleet + "\"}"), "'fleet'", "U+0000");
    }

    @Test
    void nulInAnArnTakenFromTheUriIsRefusedToo() {
        String fleet = ACCOUNT_PREFIX + "deployment-fleet/x%00/1700000000000";

        assertRefused(given().urlEncodingEnabled(false).get("/tags/" + fleet), "'resourceArn'", "U+0000");
        assertRefused(given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"tags\":{\"a\":\"b\"}}")
                .post("/tags/" + fleet), "'resourceArn'", "U+0000");
    }

    @Test
    void nulInATagKeyTakenFromTheQueryIsRefusedNamingIt() {
        String fleet = ACCOUNT_PREFIX + "deployment-fleet/" + Sdk.unique("q") + "/1700000000000";

        assertRefused(given().queryParam("tagKeys", "a", "b\u0000").delete("/tags/{arn}", fleet), "'tagKeys[1]'", "U+0000");
    }

    @Test
    void nulInTheGreengrassGroupIdCreatesNoRobot() {
        String name = Sdk.unique("nulgroup");

        Response response = post("/createRobot", "{\"name\":\"" + name + "\",\"architecture\":\"X86_64\",\"greengrassGroupId\":\"g\\u0000"
                + UUID.randomUUID() + "\"}");

        assertRefused(response, "'greengrassGroupId'", "Member must not contain the character U+0000");
        assertThat(count("select count(*) from robot where name = $1", name)).isZero();
    }

    @Test
    void nulInTheEnvironmentUriCreatesNoApplication() {
        String name = Sdk.unique("nuluri");

        Response response = post("/createRobotApplication", "{\"name\":\"" + name + "\",\"robotSoftwareSuite\":{\"name\":\"General\"},"
                + "\"environment\":{\"uri\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/app\\u0000:1\"}}");

        assertRefused(response, "'environment.uri'", "U+0000");
        assertThat(count("select count(*) from robot_application where name = $1", name)).isZero();
    }

    @Test
    void nulInATagKeyIsReportedAtItsMap() {
        String name = Sdk.unique("nulkey");

        assertRefused(post("/createFleet", "{\"name\":\"" + name + "\",\"tags\":{\"a\\u0000\":\"v\"}}"), "'tags'",
                "Member keys must not contain the character U+0000");
        assertThat(count("select count(*) from fleet where name = $1", name)).isZero();
    }

    @Test
    void aPaddedArchitectureCreatesNoRobotAndListsTheAllowedValues() {
        String name = Sdk.unique("padded");

        Response response = post("/createRobot", "{\"name\":\"" + name + "\",\"architecture\":\" X86_64\",\"greengrassGroupId\":\""
                + UUID.randomUUID() + "\"}");

        assertRefused(response, "Value ' X86_64' at 'architecture'", "enum value set: [X86_64, ARM64, ARMHF]");
        assertThat(count("select count(*) from robot where name = $1", name)).isZero();
    }

    @Test
    void enumValuesAreCaseSensitive() {
        assertRefused(post("/createRobotApplication", "{\"name\":\"" + Sdk.unique("case") + "\",\"robotSoftwareSuite\":{\"name\":\"general\"}}"),
                "'robotSoftwareSuite.name'", "enum value set: [ROS, ROS2, General]");
    }

    @Test
    void aRefusedEnumValueIsEchoedWithItsControlCharactersEscaped() {
        String job = ACCOUNT_PREFIX + "deployment-job/dep-x";
        String robot = ACCOUNT_PREFIX + "robot/r/1700000000000";

        Response response = post("/agent/v1/report", "{\"robot\":\"" + robot + "\",\"deploymentJob\":\"" + job
                + "\",\"step\":\"Validating\\u0000\",\"percentDone\":0,\"result\":\"InProgress\"}");

        assertRefused(response, "Value 'Validating\\u0000' at 'step'", "enum value set");
        assertThat(response.jsonPath().getString("message")).doesNotContain("\u0000");
    }

    private static Response post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    private static Response post(String path, byte[] body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    /** ASCII text around raw bytes given in hex. */
    private static byte[] bytes(String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.writeBytes(after.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }

    private static void assertRefused(Response response, String... messageParts) {
        response.then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException")
                .header("x-amzn-RequestId", notNullValue())
                .header("x-amzn-RequestId", not(equalTo("")))
                .contentType(ContentType.JSON);
        for (String part : messageParts) {
            response.then().body("message", containsString(part));
        }
    }
}
