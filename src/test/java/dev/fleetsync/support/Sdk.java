package dev.fleetsync.support;

import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;

/** The official RoboMaker client, pointed at the service under test the way a user would (endpointOverride). */
public final class Sdk {
    private Sdk() {
    }

    /** A client that does not retry, so each test sees exactly the answer the service gave. */
    public static RoboMakerClient client(URI endpoint) {
        return RoboMakerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFLEETSYNCTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    /** A name no other test uses, valid for the Name shape. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
