package dev.fleetsync.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restJson1 wire as the SDKs see it, checked byte for byte where the SDK would hide a difference. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WireProtocolTest extends ServiceTest {
    private static final String INVALID = "InvalidParameterException";
    private static final String REQUEST_ID = "x-amzn-RequestId";
    private static final String ERROR_TYPE = "X-Amzn-ErrorType";
    private static final String ACCOUNT_PREFIX = "arn:aws:robomaker:us-west-2:123456789012:";

    // ---- malformed and mistyped bodies ----

    @Test
    void malformedJsonIsInvalidParameter() {
        String name = Sdk.unique("malformed");

        Response response = json("{\"name\": \"" + name + "\",").post("/createFleet");

        assertAwsError(response, 400, INVALID, "JSON");
        assertNoFleetNamed(name);
    }

    @Test
    void stringMemberSentAsNumberIsRejectedNamingIt() {
        assertAwsError(json("{\"name\": 5}").post("/createFleet"), 400, INVALID, "'name'");
    }

    @Test
    void integerMemberSentAsStringIsRejectedNamingIt() {
        assertAwsError(json("{\"maxResults\": \"10\"}").post("/listFleets"), 400, INVALID, "'maxResults'");
    }

    @Test
    void integerMemberSentAsFractionIsRejectedNamingIt() {
        assertAwsError(json("{\"maxResults\": 1.5}").post("/listFleets"), 400, INVALID, "'maxResults'");
    }

    @Test
    void mapMemberSentAsArrayIsRejectedNamingItAndCreatesNothing() {
        String name = Sdk.unique("tagsarray");

        Response response = json("{\"name\": \"" + name + "\", \"tags\": []}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'tags'");
        assertNoFleetNamed(name);
    }

    @Test
    void mapValueOfTheWrongTypeIsRejectedNamingTheEntryAndCreatesNothing() {
        String name = Sdk.unique("tagsnumber");

        Response response = json("{\"name\": \"" + name + "\", \"tags\": {\"team\": 5}}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'tags[team]'");
        assertNoFleetNamed(name);
    }

    @Test
    void listMemberSentAsObjectIsRejectedNamingIt() {
        assertAwsError(json("{\"filters\": {}}").post("/listFleets"), 400, INVALID, "'filters'");
    }

    @Test
    void jsonNullBodyIsInvalidParameter() {
        assertAwsError(json("null").post("/describeFleet"), 400, INVALID, "JSON object");
    }

    @Test
    void jsonArrayBodyIsInvalidParameter() {
        assertAwsError(json("[]").post("/describeFleet"), 400, INVALID, "JSON object");
    }

    @Test
    void emptyBodyWithContentTypeIsReadAsAnEmptyObject() {
        Response response = given().contentType(ContentType.JSON).body("").post("/describeFleet");

        assertAwsError(response, 400, INVALID, "'fleet'");
        assertThat(response.jsonPath().getString("message")).contains("must not be null");
    }

    /** REST Assured always adds a Content-Type, so this request is sent by the JDK client, with none at all. */
    @Test
    void emptyBodyWithoutContentTypeIsReadAsAnEmptyObject() throws Exception {
        URI target = endpoint.resolve("/describeFleet");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                Signing.signed(HttpRequest.newBuilder(target), "POST", target, new byte[0]).POST(BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue(ERROR_TYPE)).contains(INVALID);
        assertThat(response.headers().firstValue(REQUEST_ID)).isPresent();
        assertThat(JsonPath.from(response.body()).getString("message")).contains("'fleet'").contains("must not be null");
    }

    @Test
    void emptyBodyIsAValidRequestForAnOperationWithoutRequiredMembers() {
        given().contentType(ContentType.JSON).body("").post("/listFleets")
                .then().statusCode(200).header(REQUEST_ID, notNullValue()).body("fleetDetails", notNullValue());
    }

    // ---- constraints ----

    @Test
    void missingRequiredMemberIsRejectedNamingIt() {
        Response response = json("{\"tags\": {\"a\": \"b\"}}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'name'");
        assertThat(response.jsonPath().getString("message")).contains("must not be null");
    }

    @Test
    void overLongMemberIsRejectedNamingIt() {
        Response response = json("{\"name\": \"" + "n".repeat(256) + "\"}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'name'");
        assertThat(response.jsonPath().getString("message")).contains("length between 1 and 255");
    }

    @Test
    void overLongTagValueIsRejectedNamingItAndCreatesNothing() {
        String name = Sdk.unique("longvalue");

        Response response = json("{\"name\": \"" + name + "\", \"tags\": {\"k\": \"" + "v".repeat(257) + "\"}}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'tags[k]'");
        assertNoFleetNamed(name);
    }

    @Test
    void invalidTagKeyIsRejectedNamingItAndCreatesNothing() {
        String name = Sdk.unique("badkey");

        Response response = json("{\"name\": \"" + name + "\", \"tags\": {\"bad*key\": \"v\"}}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'tags[bad*key]");
        assertNoFleetNamed(name);
    }

    @Test
    void tooManyTagsAtCreationAreRejectedAndCreateNothing() {
        String name = Sdk.unique("manytags");
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            tags.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }

        Response response = json("{\"name\": \"" + name + "\", \"tags\": {" + tags + "}}").post("/createFleet");

        assertAwsError(response, 400, INVALID, "'tags'");
        assertNoFleetNamed(name);
    }

    @Test
    void maxResultsZeroIsRejected() {
        assertAwsError(json("{\"maxResults\": 0}").post("/listFleets"), 400, INVALID, "'maxResults'");
    }

    @Test
    void maxResultsAboveTwoHundredIsRejected() {
        assertAwsError(json("{\"maxResults\": 201}").post("/listFleets"), 400, INVALID, "'maxResults'");
    }

    @Test
    void maxResultsAtTheBoundsIsAccepted() {
        json("{\"maxResults\": 1}").post("/listFleets").then().statusCode(200);
        json("{\"maxResults\": 200}").post("/listFleets").then().statusCode(200);
    }

    @Test
    void garbledNextTokenIsRejectedNamingIt() {
        assertAwsError(json("{\"nextToken\": \"Z2FyYmxlZA==\"}").post("/listFleets"), 400, INVALID, "nextToken");
    }

    @Test
    void nextTokenOutsideItsPatternIsRejectedNamingIt() {
        assertAwsError(json("{\"nextToken\": \"not a token!\"}").post("/listFleets"), 400, INVALID, "'nextToken'");
    }

    @Test
    void unknownMembersAreIgnored() {
        String name = Sdk.unique("unknown");

        json("{\"name\": \"" + name + "\", \"futureMember\": {\"x\": [1, 2]}, \"other\": null}").post("/createFleet")
                .then().statusCode(200).body("name", equalTo(name));

        assertThat(fleetsNamed(name)).hasSize(1);
    }

    // ---- routing and framing ----

    @Test
    void unknownOperationPathIsUnknownOperation() {
        assertAwsError(json("{}").post("/noSuchOperation"), 404, "UnknownOperationException", "operation");
    }

    @Test
    void wrongMethodOnAnOperationIsMethodNotAllowed() {
        assertAwsError(given().get("/createFleet"), 405, "MethodNotAllowedException", "method");
    }

    @Test
    void oversizeBodyIsRefusedWithAnAwsError() {
        String name = Sdk.unique("huge");
        String body = "{\"name\": \"" + name + "\", \"padding\": \"" + "x".repeat(262_144) + "\"}";

        Response response = json(body).post("/createFleet");

        assertAwsError(response, 413, "RequestEntityTooLargeException", "262144");
        assertNoFleetNamed(name);
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String name = Sdk.unique("big");
        String start = "{\"name\": \"" + name + "\", \"padding\": \"";
        String body = start + "x".repeat(262_144 - start.length() - 2) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(262_144);

        json(body).post("/createFleet").then().statusCode(200).body("name", equalTo(name));
    }

    // ---- success responses ----

    @Test
    void createdAtIsAJsonNumberOfEpochSeconds() {
        long before = Instant.now().getEpochSecond() - 1;

        Response response = json("{\"name\": \"" + Sdk.unique("epoch") + "\"}").post("/createFleet");

        response.then().statusCode(200).contentType(ContentType.JSON).header(REQUEST_ID, notNullValue());
        Object seconds = JsonPath.from(response.asString())
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)).get("createdAt");
        assertThat(seconds).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) seconds).isBetween(BigDecimal.valueOf(before), BigDecimal.valueOf(Instant.now().getEpochSecond() + 1));
        assertThat(response.asString()).doesNotContain("\"createdAt\":\"");
    }

    @Test
    void absentMembersAreOmittedNotNull() {
        String arn = json("{\"name\": \"" + Sdk.unique("fresh") + "\"}").post("/createFleet").jsonPath().getString("arn");

        Response response = json("{\"fleet\": \"" + arn + "\"}").post("/describeFleet");

        response.then().statusCode(200).header(REQUEST_ID, notNullValue());
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertThat(body).doesNotContainKeys("lastDeploymentStatus", "lastDeploymentJob", "lastDeploymentTime")
                .containsKeys("name", "arn", "createdAt");
        assertThat(body.values()).doesNotContainNull();
        assertThat(response.asString()).doesNotContain("null");
    }

    @Test
    void deleteAnswersAnEmptyObject() {
        String arn = json("{\"name\": \"" + Sdk.unique("del") + "\"}").post("/createFleet").jsonPath().getString("arn");

        json("{\"fleet\": \"" + arn + "\"}").post("/deleteFleet")
                .then().statusCode(200).contentType(ContentType.JSON).header(REQUEST_ID, notNullValue()).body("$", anEmptyMap());
    }

    // ---- tag routes ----

    @Test
    void tagRoutesTakeTheArnPercentEncodedAsTheSdksSendIt() {
        String arn = fleet();
        String encoded = URLEncoder.encode(arn, StandardCharsets.UTF_8);
        assertThat(encoded).contains("%2F").contains("%3A");

        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"tags\": {\"a\": \"1\", \"b\": \"2\"}}")
                .post("/tags/" + encoded).then().statusCode(200).header(REQUEST_ID, notNullValue()).body("$", anEmptyMap());
        // as query parameters, not inline in the path: REST Assured shows a signing filter only the last of repeated inline keys
        given().urlEncodingEnabled(false).queryParam("tagKeys", "b", "absent").delete("/tags/" + encoded)
                .then().statusCode(200).body("$", anEmptyMap());

        given().urlEncodingEnabled(false).get("/tags/" + encoded)
                .then().statusCode(200).header(REQUEST_ID, notNullValue()).body("tags", equalTo(Map.of("a", "1")));
    }

    @Test
    void tagRoutesAlsoTakeTheArnWithLiteralSlashes() {
        String arn = fleet();

        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"tags\": {\"a\": \"1\"}}")
                .post("/tags/" + arn).then().statusCode(200);

        given().urlEncodingEnabled(false).get("/tags/" + arn).then().statusCode(200).body("tags", equalTo(Map.of("a", "1")));
    }

    @Test
    void listTagsOfAnUntaggedResourceIsAnEmptyMap() {
        given().get("/tags/{arn}", fleet()).then().statusCode(200).body("tags", anEmptyMap());
    }

    @Test
    void tagResourceWithAnEmptyTagMapChangesNothing() {
        String arn = fleet();
        json("{\"tags\": {\"a\": \"1\"}}").post("/tags/{arn}", arn).then().statusCode(200);

        json("{\"tags\": {}}").post("/tags/{arn}", arn).then().statusCode(200).body("$", anEmptyMap());

        given().get("/tags/{arn}", arn).then().statusCode(200).body("tags", equalTo(Map.of("a", "1")));
    }

    @Test
    void tagResourceWithoutTagsMemberIsRejectedNamingIt() {
        assertAwsError(json("").post("/tags/{arn}", fleet()), 400, INVALID, "'tags'");
    }

    @Test
    void tagResourceWithTagsAsArrayIsRejectedNamingIt() {
        assertAwsError(json("{\"tags\": []}").post("/tags/{arn}", fleet()), 400, INVALID, "'tags'");
    }

    @Test
    void tagResourceWithNullBodyIsInvalidParameter() {
        assertAwsError(json("null").post("/tags/{arn}", fleet()), 400, INVALID, "JSON object");
    }

    @Test
    void untagWithoutTagKeysIsRejectedNamingThem() {
        assertAwsError(given().delete("/tags/{arn}", fleet()), 400, INVALID, "'tagKeys'");
    }

    @Test
    void tagsOfAMissingResourceAreResourceNotFound() {
        String missing = ACCOUNT_PREFIX + "deployment-fleet/" + Sdk.unique("nope") + "/1700000000000";

        assertAwsError(given().get("/tags/{arn}", missing), 400, "ResourceNotFoundException", missing);
    }

    @Test
    void malformedArnInTheTagPathIsInvalidParameterNamingIt() {
        assertAwsError(given().get("/tags/{arn}", "not-an-arn"), 400, INVALID, "'resourceArn'");
    }

    @Test
    void tagPathWithoutAnArnIsUnknownOperation() {
        assertAwsError(given().get("/tags/"), 404, "UnknownOperationException", "operation");
    }

    @Test
    void wrongMethodOnTheTagPathIsMethodNotAllowed() {
        assertAwsError(json("{}").put("/tags/{arn}", fleet()), 405, "MethodNotAllowedException", "method");
    }

    // ---- helpers ----

    private static RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    private static String fleet() {
        return json("{\"name\": \"" + Sdk.unique("wire") + "\"}").post("/createFleet").then().statusCode(200).extract().path("arn");
    }

    private static void assertAwsError(Response response, int status, String errorType, String messagePart) {
        ValidatableResponse then = response.then();
        then.statusCode(status)
                .header(ERROR_TYPE, errorType)
                .header(REQUEST_ID, allOf(notNullValue(), not(equalTo(""))))
                .contentType(ContentType.JSON)
                .body("message", containsString(messagePart));
    }

    private static List<Object> fleetsNamed(String name) {
        JsonPath page = json("{\"filters\": [{\"name\": \"name\", \"values\": [\"" + name + "\"]}]}").post("/listFleets")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("fleetDetails");
    }

    private static void assertNoFleetNamed(String name) {
        assertThat(fleetsNamed(name)).isEmpty();
    }
}
