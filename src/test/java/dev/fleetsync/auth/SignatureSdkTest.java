package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Filter;

/** SigV4 as the SDK clients send it, and every way a request can fail it; a refused request changes nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class SignatureSdkTest extends ServiceTest {
    @Test
    void wrongSecretIsInvalidSignatureAndCreatesNothing() {
        String name = Sdk.unique("wrongsecret");

        assertRefused(() -> signedAs(Sdk.ACCESS_KEY, "not-the-secret").createFleet(r -> r.name(name)),
                "InvalidSignatureException", "signature we calculated does not match");

        assertNoFleetNamed(name);
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClientAndCreatesNothing() {
        String name = Sdk.unique("unknownkey");

        assertRefused(() -> signedAs("AKIDNOBODYKNOWS00", "x").createFleet(r -> r.name(name)),
                "UnrecognizedClientException", "security token included in the request is invalid");

        assertNoFleetNamed(name);
    }

    @Test
    void unsignedRequestIsMissingAuthenticationTokenAndCreatesNothing() {
        String name = Sdk.unique("unsigned");

        assertRefused(() -> Sdk.client(endpoint, AnonymousCredentialsProvider.create()).createFleet(r -> r.name(name)),
                "MissingAuthenticationTokenException", "Missing Authentication Token");

        assertNoFleetNamed(name);
    }

    @Test
    void signatureOlderThanFifteenMinutesIsExpiredAndCreatesNothing() throws Exception {
        String name = Sdk.unique("expired");

        HttpResponse<String> response = send("POST", "/createFleet", createBody(name), Instant.now().minus(Duration.ofMinutes(16)));

        assertError(response, "InvalidSignatureException", "Signature expired");
        assertNoFleetNamed(name);
    }

    @Test
    void signatureFromTheFutureIsNotYetCurrent() throws Exception {
        HttpResponse<String> response = send("POST", "/listFleets", "{}", Instant.now().plus(Duration.ofMinutes(16)));

        assertError(response, "InvalidSignatureException", "Signature not yet current");
    }

    @Test
    void signatureWithinTheAllowedSkewIsAccepted() throws Exception {
        HttpResponse<String> response = send("POST", "/listFleets", "{}", Instant.now().minus(Duration.ofMinutes(14)));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tamperedBodyIsInvalidSignatureAndCreatesNothing() throws Exception {
        String signedName = Sdk.unique("signed");
        String sentName = Sdk.unique("sent--");
        URI target = endpoint.resolve("/createFleet");
        Map<String, String> headers = Signing.headers("POST", target, createBody(signedName).getBytes(StandardCharsets.UTF_8),
                Sdk.ACCESS_KEY, Sdk.SECRET, Instant.now());

        HttpResponse<String> response = send(target, "POST", createBody(sentName), headers);

        assertError(response, "InvalidSignatureException", "does not match");
        assertNoFleetNamed(signedName);
        assertNoFleetNamed(sentName);
    }

    @Test
    void tamperedQueryIsInvalidSignatureAndUntagsNothing() throws Exception {
        String arn = robomaker.createFleet(r -> r.name(Sdk.unique("tagged")).tags(Map.of("keep", "1", "drop", "2"))).arn();
        String path = "/tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8);
        Map<String, String> headers = Signing.headers("DELETE", endpoint.resolve(path + "?tagKeys=drop"), new byte[0],
                Sdk.ACCESS_KEY, Sdk.SECRET, Instant.now());

        HttpResponse<String> response = send(endpoint.resolve(path + "?tagKeys=keep"), "DELETE", "", headers);

        assertError(response, "InvalidSignatureException", "does not match");
        assertThat(robomaker.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnlyKeys("keep", "drop");
    }

    @Test
    void credentialScopedToAnotherRegionIsInvalidSignature() throws Exception {
        RoboMakerClient elsewhere = RoboMakerClient.builder().endpointOverride(endpoint)
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(Sdk.ACCESS_KEY, Sdk.SECRET))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();

        assertRefused(() -> elsewhere.listFleets(r -> { }), "InvalidSignatureException", "region");
    }

    @Test
    void unknownPathWithoutSignatureIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(endpoint.resolve("/noSuchOperation"), "POST", "{}", Map.of());

        assertError(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void theSdkSignsTagRoutesWithTheirEncodedArnAndTheServerAgrees() {
        String arn = robomaker.createFleet(r -> r.name(Sdk.unique("sdktags"))).arn();

        robomaker.tagResource(r -> r.resourceArn(arn).tags(Map.of("a b", "c/d", "x", "y")));
        robomaker.untagResource(r -> r.resourceArn(arn).tagKeys("x", "absent"));

        assertThat(robomaker.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsExactly(Map.entry("a b", "c/d"));
    }

    private HttpResponse<String> send(String method, String path, String body, Instant signedAt) throws Exception {
        URI target = endpoint.resolve(path);
        return send(target, method, body,
                Signing.headers(method, target, body.getBytes(StandardCharsets.UTF_8), Sdk.ACCESS_KEY, Sdk.SECRET, signedAt));
    }

    private static HttpResponse<String> send(URI target, String method, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).version(HttpClient.Version.HTTP_1_1)
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
    }

    private static String createBody(String name) {
        return "{\"name\": \"" + name + "\"}";
    }

    private static void assertError(HttpResponse<String> response, String errorType, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains(errorType);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JsonPath.from(response.body()).getString("message")).contains(messagePart);
    }

    private static void assertRefused(Runnable call, String errorCode, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    private void assertNoFleetNamed(String name) {
        assertThat(robomaker.listFleets(r -> r.filters(Filter.builder().name("name").values(name).build())).fleetDetails()).isEmpty();
    }
}
