package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The header is parsed once ({@link SignatureCheck#authorizationOf}) and that parse is what {@link SignatureCheck#verify}
 * checks: requests signed by the SDK's public signer, then changed the ways a caller can get wrong.
 */
class SignatureCheckTest {
    private static final String REGION = "us-west-2";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Principal OPERATOR = new Principal("AKIDSIGNATURECHECK01", "check-secret", "123456789012");
    private static final SignatureCheck CHECK = new SignatureCheck(REGION, "robomaker", Duration.ofMinutes(15));

    @Test
    void aSignedRequestVerifiesAsThePrincipalOfItsParsedKeyAskedForOnce() {
        SigningInput request = signed("{\"name\":\"a\"}", NOW);
        List<String> asked = new ArrayList<>();

        AuthorizationHeader auth = SignatureCheck.authorizationOf(request);
        Principal principal = CHECK.verify(request, auth, NOW, id -> {
            asked.add(id);
            return Optional.of(OPERATOR).filter(p -> p.accessKeyId().equals(id));
        });

        assertThat(principal).isEqualTo(OPERATOR);
        assertThat(auth.accessKeyId()).isEqualTo(OPERATOR.accessKeyId());
        assertThat(asked).containsExactly(OPERATOR.accessKeyId());
    }

    @Test
    void noAuthorizationHeaderIsMissingAuthenticationToken() {
        SigningInput unsigned = new SigningInput("POST", "/createFleet", "", Map.of("host", List.of("localhost:8080")), new byte[0]);

        assertRefused(() -> SignatureCheck.authorizationOf(unsigned), ServiceError.MISSING_AUTHENTICATION_TOKEN,
                "Missing Authentication Token");
    }

    @Test
    void anotherAlgorithmIsInvalidSignatureNamingTheOneSupported() {
        SigningInput request = withHeader(signed("{}", NOW), "authorization", "AWS3-HMAC-SHA1 Credential=x, Signature=y");

        assertRefused(() -> SignatureCheck.authorizationOf(request), ServiceError.INVALID_SIGNATURE, "AWS4-HMAC-SHA256");
    }

    @Test
    void aHeaderWithoutSignedHeadersIsInvalidSignatureNamingThePart() {
        SigningInput signed = signed("{}", NOW);
        String header = signed.header("authorization").orElseThrow();
        SigningInput request = withHeader(signed, "authorization", header.replaceAll("SignedHeaders=[^,]*,", ""));

        assertRefused(() -> SignatureCheck.authorizationOf(request), ServiceError.INVALID_SIGNATURE, "'SignedHeaders'");
    }

    @Test
    void anUnknownKeyIsUnrecognizedClientBeforeTheSignatureIsComputed() {
        SigningInput request = signed("{}", NOW);

        assertRefused(() -> CHECK.verify(request, SignatureCheck.authorizationOf(request), NOW, id -> Optional.empty()),
                ServiceError.UNRECOGNIZED_CLIENT, "security token included in the request is invalid");
    }

    @Test
    void aBodyChangedAfterSigningIsAMismatch() {
        SigningInput signed = signed("{\"name\":\"a\"}", NOW);
        SigningInput changed = new SigningInput(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(),
                "{\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> CHECK.verify(changed, SignatureCheck.authorizationOf(changed), NOW, id -> Optional.of(OPERATOR)),
                ServiceError.INVALID_SIGNATURE, "signature we calculated does not match");
    }

    @Test
    void exactlyAtTheSkewIsCurrentAndASecondMoreIsExpired() {
        SigningInput request = signed("{}", NOW);
        AuthorizationHeader auth = SignatureCheck.authorizationOf(request);

        assertThat(CHECK.verify(request, auth, NOW.plus(Duration.ofMinutes(15)), id -> Optional.of(OPERATOR))).isEqualTo(OPERATOR);
        assertRefused(() -> CHECK.verify(request, auth, NOW.plus(Duration.ofMinutes(15)).plusSeconds(1), id -> Optional.of(OPERATOR)),
                ServiceError.INVALID_SIGNATURE, "Signature expired");
    }

    private static SigningInput signed(String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SigningInput unsigned = new SigningInput("POST", "/createFleet", "", Map.of("host", List.of("localhost:8080"),
                "content-type", List.of("application/json")), bytes);
        SdkHttpRequest signed = ClientSigner.sign(unsigned, OPERATOR.accessKeyId(), OPERATOR.secretKey(), REGION, "robomaker", at);
        Map<String, List<String>> headers = new HashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return new SigningInput("POST", "/createFleet", "", headers, bytes);
    }

    private static SigningInput withHeader(SigningInput request, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put(name, List.of(value));
        return new SigningInput(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    private static void assertRefused(Runnable call, ServiceError error, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
