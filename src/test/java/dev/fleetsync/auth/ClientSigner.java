package dev.fleetsync.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs hand-built requests as an SDK client does, for tests: the service only verifies (see {@link SigV4Signer}). */
public final class ClientSigner {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private ClientSigner() {
    }

    /**
     * Signs with the SDK's public signer: the request gains {@code X-Amz-Date}, {@code x-amz-content-sha256} and
     * {@code Authorization}, signed as of {@code time}.
     */
    public static SdkHttpRequest sign(SigningInput input, String accessKeyId, String secretKey, String region, String service,
            Instant time) {
        SdkHttpRequest.Builder request = SigV4Signer.request(input);
        return SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(accessKeyId, secretKey))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(input.body()))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC))).request();
    }
}
