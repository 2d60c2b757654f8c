package dev.fleetsync.bundlestore;

import dev.fleetsync.config.BundleStoreConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The HEAD request for an object, addressed path-style or virtual-hosted and signed with the AWS SDK's SigV4 signer
 * the way S3 wants it: the path encoded once and not normalized, {@code x-amz-content-sha256} signed.
 */
final class S3Requests {
    /** SHA-256 of the empty body, which a HEAD has. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    record Signed(String url, Map<String, String> headers) {
    }

    private final BundleStoreConfig config;

    S3Requests(BundleStoreConfig config) {
        this.config = config;
    }

    Signed head(String bucket, String key, Instant now) {
        URI endpoint = config.endpoint().orElseThrow();
        String base = endpoint.getRawPath() == null || endpoint.getRawPath().equals("/") ? "" : stripSlash(endpoint.getRawPath());
        String objectPath = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        String host = endpoint.getHost();
        String path;
        if (config.pathStyle()) {
            path = base + "/" + SdkHttpUtils.urlEncode(bucket) + objectPath;
        } else {
            host = bucket + "." + host;
            path = base + objectPath;
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.HEAD)
                .protocol(endpoint.getScheme()).host(host).encodedPath(path)
                .putHeader("x-amz-content-sha256", EMPTY_SHA256);
        if (endpoint.getPort() != -1) {
            request.port(endpoint.getPort());
        }
        SdkHttpRequest built = request.build();
        if (config.accessKeyId().isPresent()) {
            built = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(config.accessKeyId().get(),
                            config.secretAccessKey().orElse("")))
                    .request(request.build())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, config.region())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))).request();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : built.headers().entrySet()) {
            headers.put(header.getKey(), String.join(",", header.getValue()));
        }
        return new Signed(built.getUri().toString(), headers);
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
