package dev.fleetsync.auth;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigningResult;

/**
 * Verifies a request's SigV4 signature and returns the signing principal, failing the way AWS does: 403 with
 * MissingAuthenticationTokenException, UnrecognizedClientException or InvalidSignatureException (whose message says
 * whether the signature is wrong, expired, or scoped elsewhere).
 */
public final class SignatureCheck {
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final String region;
    private final String service;
    private final Duration maxSkew;

    public SignatureCheck(String region, String service, Duration maxSkew) {
        this.region = region;
        this.service = service;
        this.maxSkew = maxSkew;
    }

    /**
     * The request's Authorization header, parsed: the caller reads the access key id from it and hands it to
     * {@link #verify}, so the header is parsed once per request.
     *
     * @throws ServiceException MissingAuthenticationTokenException without one, InvalidSignatureException if malformed
     */
    public static AuthorizationHeader authorizationOf(SigningInput request) {
        String header = request.header("authorization")
                .orElseThrow(() -> ServiceError.MISSING_AUTHENTICATION_TOKEN.exception("Missing Authentication Token"));
        return AuthorizationHeader.parse(header);
    }

    /**
     * @param auth the request's header as {@link #authorizationOf} parsed it
     * @param principals the principal of an access key id, if it is one we know
     */
    public Principal verify(SigningInput request, AuthorizationHeader auth, Instant now, Function<String, Optional<Principal>> principals) {
        Principal principal = principals.apply(auth.accessKeyId()).orElseThrow(
                () -> ServiceError.UNRECOGNIZED_CLIENT.exception("The security token included in the request is invalid."));
        checkScope(auth);
        if (!auth.signedHeaders().contains("host")) {
            throw invalid("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Instant signedAt = signedAt(request, auth);
        checkFreshness(signedAt, now);
        byte[] expected = expectedSignature(request, auth, principal, signedAt);
        if (!MessageDigest.isEqual(expected, auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw invalid(MISMATCH);
        }
        return principal;
    }

    private void checkScope(AuthorizationHeader auth) {
        if (!region.equals(auth.region())) {
            throw invalid("Credential should be scoped to a valid region, not '" + auth.region() + "'.");
        }
        if (!service.equals(auth.service())) {
            throw invalid("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!"aws4_request".equals(auth.terminator())) {
            throw invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '" + auth.terminator() + "'.");
        }
    }

    private static Instant signedAt(SigningInput request, AuthorizationHeader auth) {
        String date = request.header("x-amz-date")
                .orElseThrow(() -> invalid("Authorization header requires existence of a 'X-Amz-Date' header."));
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(date));
        } catch (DateTimeParseException e) {
            throw invalid("X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z', not '" + date + "'.");
        }
        if (!date.startsWith(auth.scopeDate())) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + auth.scopeDate() + "' != '" + date.substring(0, 8) + "', from 'X-Amz-Date'.");
        }
        return signedAt;
    }

    private void checkFreshness(Instant signedAt, Instant now) {
        long skewMinutes = maxSkew.toMinutes();
        if (signedAt.isBefore(now.minus(maxSkew))) {
            throw invalid("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
                    + AMZ_DATE.format(now.minus(maxSkew)) + " (" + AMZ_DATE.format(now) + " - " + skewMinutes + " min.)");
        }
        if (signedAt.isAfter(now.plus(maxSkew))) {
            throw invalid("Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still later than "
                    + AMZ_DATE.format(now.plus(maxSkew)) + " (" + AMZ_DATE.format(now) + " + " + skewMinutes + " min.)");
        }
    }

    /** The signature the SDK computes over exactly the headers the caller signed; a different header set cannot match. */
    private byte[] expectedSignature(SigningInput request, AuthorizationHeader auth, Principal principal, Instant signedAt) {
        Map<String, List<String>> signed = new LinkedHashMap<>();
        for (String name : auth.signedHeaders()) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw invalid("The signed header '" + name + "' is missing from the request.");
            }
            signed.put(name, values);
        }
        SigningInput onlySigned = new SigningInput(request.method(), request.rawPath(), request.rawQuery(), signed, request.body());
        V4RequestSigningResult ours = SigV4Signer.signExactly(onlySigned, principal.accessKeyId(), principal.secretKey(), region,
                service, signedAt);
        if (!ours.getCanonicalRequest().getSignedHeadersString().equals(String.join(";", auth.signedHeaders()))) {
            throw invalid(MISMATCH); // the caller signed a header the SDK never signs, or listed them out of order
        }
        return ours.getSignature().getBytes(StandardCharsets.US_ASCII);
    }

    private static ServiceException invalid(String message) {
        return ServiceError.INVALID_SIGNATURE.exception(message);
    }
}
