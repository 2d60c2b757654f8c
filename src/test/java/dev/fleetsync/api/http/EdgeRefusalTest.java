package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RawHttp;
import dev.fleetsync.support.RawHttp.Answer;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.TableDigest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge's own refusals, sent byte for byte over a socket because a client library would normalize or refuse these
 * requests. Each is signed as the test principal and would create or change something if it reached an operation; each
 * is answered as an AWS error (status, {@code X-Amzn-ErrorType}, a JSON message, {@code x-amzn-RequestId}) and leaves
 * every table as it was. The SDK's signer cannot sign some of them (it knows no TRACE, and no URI holds {@code %ZZ}):
 * those go unsigned, and being answered by the edge rather than the gate's 403 shows the edge refused them first.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class EdgeRefusalTest extends ServiceTest {
    /** A fleet tagged team=edge: a refused tag or untag call that slipped through would change its tags. */
    private static String taggedArn;
    private static TableDigest digest;

    private Map<String, String> before;

    @BeforeEach
    void takeDigest() {
        if (taggedArn == null) {
            taggedArn = robomaker.createFleet(b -> b.name(Sdk.unique("edge-tagged")).tags(Map.of("team", "edge"))).arn();
        }
        if (digest == null) {
            digest = new TableDigest(pool);
        }
        before = digest.take();
    }

    // ---- paths that could route past the gate ----

    @ParameterizedTest
    @ValueSource(strings = {"/q/../createFleet", "/q/%2e%2e/createFleet", "/q/%2E%2E/createFleet", "/q/..;/createFleet",
            "/q/./../createFleet", "/agent/v1/../../createFleet", "/model/../createFleet", "/./createFleet"})
    void aPathWithDotSegmentsNeverReachesAnOperation(String path) throws IOException {
        Answer answer = createFleetAt(path).signed(endpoint).send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'path'");
        assertThat(message(answer)).contains("'.' or '..'");
    }

    @Test
    void anUnsignedDotSegmentPathIsRefusedAlike() throws IOException {
        Answer answer = RawHttp.request("POST", "/q/../listFleets").json("{}").send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'path'");
    }

    @Test
    void aTargetThatIsNoPathIsRefused() throws IOException {
        Answer answer = createFleetAt("http://" + endpoint.getHost() + ":" + endpoint.getPort() + "/q/../createFleet")
                .send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'path'");
    }

    /** Vert.x's router fails a target that does not start with '/' (404) before any step runs: answered as an AWS error. */
    @ParameterizedTest
    @CsvSource({"DELETE,*", "GET,*", "POST,createFleet", "POST,q/../createFleet"})
    void aTargetTheRouterCannotRouteIsRefusedAsAnAwsError(String method, String target) throws IOException {
        Answer answer = RawHttp.request(method, target).json("{\"name\":\"" + Sdk.unique("edge") + "\"}").send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'path'");
        assertThat(message(answer)).contains("absolute path");
    }

    @Test
    void aRequestWithoutHostIsRefusedByTheRouterAsAnAwsError() throws IOException {
        Answer answer = createFleetAt("/createFleet").withoutHost().send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'Host' header is required");
    }

    /** Encoded separators join dots to a name (RequestTargetTest): no route may resolve them into an operation. */
    @ParameterizedTest
    @ValueSource(strings = {"/q/%2F../createFleet", "/q/..%2F/createFleet", "/q/%2e%2e%2f/createFleet", "/q/..%5C/createFleet",
            "/q/%2e%2e%5c/createFleet", "/model/..%2F/createFleet"})
    void dotsJoinedByAnEncodedSeparatorReachNoOperation(String path) throws IOException {
        Answer answer = createFleetAt(path).signed(endpoint).send(endpoint);

        assertRefused(answer, 404, "UnknownOperationException", "No operation matches");
    }

    // ---- methods ----

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "FOO", "CONNECT", "PROPFIND", "OPTIONS"})
    void anHttpMethodNoOperationUsesIsMethodNotAllowed(String method) throws IOException {
        Answer answer = RawHttp.request(method, "/createFleet").json("{\"name\":\"" + Sdk.unique("method") + "\"}")
                .send(endpoint);

        assertRefused(answer, 405, "MethodNotAllowedException", method);
    }

    @Test
    void aLongMethodNameIsEchoedCutShort() throws IOException {
        String method = "X".repeat(40);

        Answer answer = RawHttp.request(method, "/createFleet").json("{\"name\":\"" + Sdk.unique("method") + "\"}").send(endpoint);

        assertRefused(answer, 405, "MethodNotAllowedException", "X".repeat(32) + "...");
        assertThat(message(answer)).doesNotContain("X".repeat(33));
    }

    /** Methods the edge lets through (some operation or endpoint uses them) meet the router's 405, as an AWS error too. */
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE", "GET"})
    void aMethodTheOperationDoesNotTakeIsMethodNotAllowed(String method) throws IOException {
        Answer answer = RawHttp.request(method, "/createFleet").json("{\"name\":\"" + Sdk.unique("edge") + "\"}").signed(endpoint)
                .send(endpoint);

        assertRefused(answer, 405, "MethodNotAllowedException", "HTTP method");
    }

    // ---- sizes ----

    @Test
    void aRequestLineOverTheLimitIsUriTooLong() throws IOException {
        Answer answer = createFleetAt("/createFleet?pad=" + "p".repeat(10_000)).signed(endpoint).send(endpoint);

        assertRefused(answer, 414, "RequestURITooLongException", "8192 bytes");
    }

    @Test
    void tooManyHeadersAreRefused() throws IOException {
        RawHttp request = createFleetAt("/createFleet");
        for (int i = 0; i < 200; i++) {
            request.header("X-Padding-" + i, "v");
        }

        Answer answer = request.signed(endpoint).send(endpoint);

        assertRefused(answer, 431, "RequestHeaderFieldsTooLargeException", "100 headers");
    }

    @Test
    void aHeaderOverTheLimitIsRefused() throws IOException {
        Answer answer = createFleetAt("/createFleet").header("X-Padding", "h".repeat(20_000)).signed(endpoint).send(endpoint);

        assertRefused(answer, 431, "RequestHeaderFieldsTooLargeException", "16384 bytes");
    }

    // Past Vert.x's own decoder limits (quarkus.http.limits.*, 64 KiB) no router step runs: InvalidRequests answers.

    @Test
    void aRequestLinePastTheDecoderLimitIsUriTooLongToo() throws IOException {
        Answer answer = createFleetAt("/createFleet?pad=" + "p".repeat(70 * 1024)).send(endpoint);

        assertRefused(answer, 414, "RequestURITooLongException", "8192 bytes");
        assertThat(message(answer)).contains("over 65536");
        assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void headersPastTheDecoderLimitAreRefusedToo() throws IOException {
        RawHttp request = createFleetAt("/createFleet");
        for (int i = 0; i < 70; i++) {
            request.header("X-Padding-" + i, "h".repeat(1024));
        }

        Answer answer = request.send(endpoint);

        assertRefused(answer, 431, "RequestHeaderFieldsTooLargeException", "16384 bytes");
        assertThat(message(answer)).contains("over 65536");
    }

    @Test
    void aRequestLineTheDecoderCannotReadIsRefusedAsAnAwsError() throws IOException {
        // a space in the target: the decoder reads "Fleet HTTP/1.1" as the version, and fails
        Answer answer = createFleetAt("/create Fleet").send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "not well-formed");
    }

    // The limits are inclusive. Unsigned: a request the edge lets through meets the gate's 403, one it stops its own 4xx.

    @Test
    void aRequestLineAtTheLimitPassesTheEdgeAndOneByteMoreDoesNot() throws IOException {
        String head = "POST /createFleet?pad=";
        int pad = 8192 - head.length() - " HTTP/1.1".length();

        assertPassedTheEdge(unsignedCreateFleet("/createFleet?pad=" + "p".repeat(pad)).send(endpoint));
        assertRefused(unsignedCreateFleet("/createFleet?pad=" + "p".repeat(pad + 1)).send(endpoint), 414, "RequestURITooLongException",
                "8192 bytes");
    }

    @Test
    void aHundredHeadersPassTheEdgeAndOneMoreDoesNot() throws IOException {
        // Host, Connection, Content-Length and Content-Type, then padding
        assertPassedTheEdge(padded(unsignedCreateFleet("/createFleet"), 96).send(endpoint));
        assertRefused(padded(unsignedCreateFleet("/createFleet"), 97).send(endpoint), 431, "RequestHeaderFieldsTooLargeException",
                "100 headers");
    }

    @Test
    void headersOfExactlyTheByteLimitPassTheEdgeAndOneByteMoreDoesNot() throws IOException {
        String body = "{\"name\":\"" + Sdk.unique("edge") + "\"}";
        // each header counts as name, ": ", value and its line end, as RawHttp sends them
        int fixed = line("Host", endpoint.getHost() + ":" + endpoint.getPort()) + line("Connection", "close")
                + line("Content-Length", String.valueOf(body.length())) + line("Content-Type", "application/json");
        int value = 16384 - fixed - line("X-Padding", "");

        assertPassedTheEdge(RawHttp.request("POST", "/createFleet").json(body).header("X-Padding", "h".repeat(value)).send(endpoint));
        assertRefused(RawHttp.request("POST", "/createFleet").json(body).header("X-Padding", "h".repeat(value + 1)).send(endpoint), 431,
                "RequestHeaderFieldsTooLargeException", "16384 bytes");
    }

    private static int line(String name, String value) {
        return name.length() + 2 + value.length() + 2;
    }

    private RawHttp unsignedCreateFleet(String target) {
        return RawHttp.request("POST", target).json("{\"name\":\"" + Sdk.unique("edge") + "\"}");
    }

    private static RawHttp padded(RawHttp request, int headers) {
        for (int i = 0; i < headers; i++) {
            request.header("X-Padding-" + i, "v");
        }
        return request;
    }

    /** Answered by the signature step: the edge let it through, and nothing was written. */
    private void assertPassedTheEdge(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertShapedRefusal(answer);
    }

    // ---- percent-encoding ----

    @ParameterizedTest
    @ValueSource(strings = {"%C0%AF", "%", "%ZZ", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%G1"})
    void aTagPathThatIsNotPercentEncodedUtf8IsRefusedNamingThePath(String bad) throws IOException {
        // %C0%AF is an overlong '/': decoded leniently, this path would name the fleet and tag it
        RawHttp request = RawHttp.request("POST", "/tags/" + taggedArn.replace("/", bad)).json("{\"tags\":{\"team\":\"changed\"}}");

        Answer answer = signedWherePossible(request).send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'path'");
        assertThat(message(answer)).contains("percent-encoded UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C0%AF", "%", "%ZZ", "%FF"})
    void aQueryValueThatIsNotPercentEncodedUtf8IsRefusedNamingTheParameter(String bad) throws IOException {
        Answer answer = signedWherePossible(RawHttp.request("DELETE", "/tags/" + encoded(taggedArn) + "?tagKeys=te" + bad + "am"))
                .send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'tagKeys'");
        assertThat(message(answer)).contains("percent-encoded UTF-8");
    }

    @Test
    void aQueryParameterNameThatIsNotPercentEncodedUtf8IsRefusedNamingTheQuery() throws IOException {
        Answer answer = RawHttp.request("DELETE", "/tags/" + encoded(taggedArn) + "?tag%C0%AFKeys=team").signed(endpoint).send(endpoint);

        assertRefused(answer, 400, "InvalidParameterException", "'query'");
    }

    private RawHttp signedWherePossible(RawHttp request) {
        try {
            return request.signed(endpoint);
        } catch (IllegalArgumentException unsignable) {
            return request;
        }
    }

    private static String encoded(String arn) {
        return arn.replace(":", "%3A").replace("/", "%2F");
    }

    private RawHttp createFleetAt(String target) {
        return RawHttp.request("POST", target).json("{\"name\":\"" + Sdk.unique("edge") + "\",\"tags\":{\"team\":\"edge\"}}");
    }

    private void assertShapedRefusal(Answer answer) {
        assertThat(answer.header("X-Amzn-ErrorType")).as(answer.toString()).isNotBlank();
        assertThat(answer.header("x-amzn-RequestId")).as(answer.toString()).matches("[0-9a-f-]{36}");
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/json");
        assertThat(message(answer)).as(answer.toString()).isNotBlank();
        assertThat(digest.take()).as("tables after the refusal").isEqualTo(before);
    }

    private void assertRefused(Answer answer, int status, String errorType, String inMessage) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("X-Amzn-ErrorType")).as(answer.toString()).isEqualTo(errorType);
        assertThat(answer.header("x-amzn-RequestId")).as(answer.toString()).matches("[0-9a-f-]{36}");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(message(answer)).contains(inMessage);
        assertThat(digest.take()).as("tables after the refusal").isEqualTo(before);
    }

    private static String message(Answer answer) {
        return JsonPath.from(answer.body()).getString("message");
    }
}
