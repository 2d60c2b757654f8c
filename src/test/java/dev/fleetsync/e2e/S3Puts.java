package dev.fleetsync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.Md5Utils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Signed S3 PUTs (path-style) to the test bundle store: creating buckets, storing and deleting objects. */
final class S3Puts {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private S3Puts() {
    }

    static void createBucket(String bucket) {
        int status = send(SdkHttpMethod.PUT, "/" + bucket, new byte[0]).statusCode();
        if (status != 200 && status != 409) {
            throw new IllegalStateException("creating bucket " + bucket + " answered " + status);
        }
    }

    /** The object's ETag as the store answered it, unquoted. */
    static String putObject(String bucket, String key, byte[] content) {
        HttpResponse<String> answer = send(SdkHttpMethod.PUT, "/" + bucket + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key), content);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT " + bucket + "/" + key + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    }

    private static HttpResponse<String> send(SdkHttpMethod method, String path, byte[] body) {
        URI endpoint = URI.create(BundleStoreResource.endpoint());
        SdkHttpRequest request = SdkHttpRequest.builder().method(method).protocol(endpoint.getScheme()).host(endpoint.getHost())
                .port(endpoint.getPort()).encodedPath(path)
                .putHeader("Content-MD5", BinaryUtils.toBase64(Md5Utils.computeMD5Hash(body))).build();
        SdkHttpRequest signed = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(BundleStoreResource.ACCESS_KEY,
                        BundleStoreResource.SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, BundleStoreResource.REGION)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)).request();
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.getUri()).method(method.name(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host")) {
                header.getValue().forEach(value -> http.header(header.getKey(), value));
            }
        }
        try {
            return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
