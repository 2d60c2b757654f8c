package dev.fleetsync.support;

import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;

/** The official RoboMaker client, pointed at the service under test the way a user would (endpointOverride). */
public final class Sdk {
    /** The %test principal of account 123456789012 ({@link Seed#ACCOUNT}). */
    public static final String ACCESS_KEY = "AKIDFLEETSYNCTEST";
    public static final String SECRET = "test-secret";
    /** A second %test principal, of another account. */
    public static final String OTHER_ACCESS_KEY = "AKIDFLEETSYNCOTHER";
    public static final String OTHER_SECRET = "other-secret";
    public static final String OTHER_ACCOUNT = "210987654321";
    public static final String REGION = "us-west-2";

    private Sdk() {
    }

    /** A client that does not retry, so each test sees exactly the answer the service gave. */
    public static RoboMakerClient client(URI endpoint) {
        return client(endpoint, ACCESS_KEY, SECRET);
    }

    /** A client signing with the given access key and secret. */
    public static RoboMakerClient client(URI endpoint, String accessKey, String secret) {
        return client(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)));
    }

    public static RoboMakerClient client(URI endpoint, AwsCredentialsProvider credentials) {
        return RoboMakerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    /** A name no other test uses, valid for the Name shape. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
