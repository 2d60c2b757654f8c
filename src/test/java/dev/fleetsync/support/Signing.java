package dev.fleetsync.support;

import dev.fleetsync.auth.ClientSigner;
import dev.fleetsync.auth.SigningInput;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpRequest;

/** SigV4 headers for hand-built requests, signed by the SDK's public signer over host, x-amz-date and x-amz-content-sha256. */
public final class Signing {
    private Signing() {
    }

    /** Signs as the test principal, now. */
    public static HttpRequest.Builder signed(HttpRequest.Builder request, String method, URI target, byte[] body) {
        return signed(request, method, target, body, Sdk.ACCESS_KEY, Sdk.SECRET, Instant.now());
    }

    public static HttpRequest.Builder signed(HttpRequest.Builder request, String method, URI target, byte[] body, String accessKey,
            String secret, Instant at) {
        headers(method, target, body, accessKey, secret, at).forEach(request::header);
        return request;
    }

    /** The X-Amz-Date, x-amz-content-sha256 and Authorization headers for the request. */
    public static Map<String, String> headers(String method, URI target, byte[] body, String accessKey, String secret, Instant at) {
        return headers(method, target.getHost() + ":" + target.getPort(), target.getRawPath(), target.getRawQuery(), body, accessKey,
                secret, at);
    }

    /** The same over a path and query taken as they are sent, however malformed (java.net.URI would refuse or re-encode them). */
    public static Map<String, String> headers(String method, String host, String rawPath, String rawQuery, byte[] body, String accessKey,
            String secret, Instant at) {
        SigningInput input = new SigningInput(method, rawPath, rawQuery, Map.of("host", List.of(host)), body);
        SdkHttpRequest signed = ClientSigner.sign(input, accessKey, secret, Sdk.REGION, "robomaker", at);
        return Map.of("X-Amz-Date", signed.firstMatchingHeader("X-Amz-Date").orElseThrow(),
                "x-amz-content-sha256", signed.firstMatchingHeader("x-amz-content-sha256").orElseThrow(),
                "Authorization", signed.firstMatchingHeader("Authorization").orElseThrow());
    }
}
