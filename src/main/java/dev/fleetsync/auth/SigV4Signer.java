package dev.fleetsync.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigningResult;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * SigV4 with the AWS SDK's own code, so the server computes exactly what the SDK clients compute (canonical URI
 * double-encoding, query and header canonicalization, key derivation) instead of a re-derivation of the algorithm.
 */
public final class SigV4Signer {
    private SigV4Signer() {
    }

    /**
     * The signature over exactly the given headers and the SHA-256 of the body bytes, computed by the SDK's request
     * signer. The public signer would add and sign x-amz-content-sha256 itself, which restJson clients such as the
     * AWS CLI do not send, so verification drives the signer's canonical-request step directly.
     */
    public static V4RequestSigningResult signExactly(SigningInput input, String accessKeyId, String secretKey, String region,
            String service, Instant time) {
        V4Properties properties = V4Properties.builder()
                .credentials(AwsCredentialsIdentity.create(accessKeyId, secretKey))
                .credentialScope(new CredentialScope(region, service, time))
                .signingClock(Clock.fixed(time, ZoneOffset.UTC))
                .doubleUrlEncode(true)
                .normalizePath(true)
                .build();
        String contentHash = BinaryUtils.toHex(SignerUtils.hash(input.body()));
        return new DefaultV4RequestSigner(properties, contentHash).sign(request(input));
    }

    /** The request the SDK's signer reads, as the client sent it. */
    static SdkHttpRequest.Builder request(SigningInput input) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(input.method()))
                .protocol("http")
                .host("localhost") // the canonical request uses the Host header below, not this
                .encodedPath(input.rawPath().isEmpty() ? "/" : input.rawPath());
        addQuery(request, input.rawQuery());
        for (Map.Entry<String, List<String>> header : input.headers().entrySet()) {
            request.putHeader(header.getKey(), header.getValue());
        }
        return request;
    }

    private static void addQuery(SdkHttpRequest.Builder request, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            request.appendRawQueryParameter(SdkHttpUtils.urlDecode(name), SdkHttpUtils.urlDecode(value));
        }
    }
}
