package dev.fleetsync.bundlestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.config.BundleStoreConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class S3RequestsTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void pathStyleAddressesTheBucketInThePathAndEncodesTheKeyOnce() {
        var head = new S3Requests(config("http://127.0.0.1:9000", true, "AKID")).head("bundles", "app/x 86+.tar.gz", NOW);

        assertThat(head.url()).isEqualTo("http://127.0.0.1:9000/bundles/app/x%2086%2B.tar.gz");
    }

    @Test
    void virtualHostedStyleAddressesTheBucketInTheHost() {
        var head = new S3Requests(config("https://s3.us-west-2.amazonaws.com", false, "AKID")).head("bundles", "a.tar.gz", NOW);

        assertThat(head.url()).isEqualTo("https://bundles.s3.us-west-2.amazonaws.com/a.tar.gz");
    }

    @Test
    void aSignedHeadSignsTheEmptyPayloadHashForServiceS3() {
        var head = new S3Requests(config("http://127.0.0.1:9000", true, "AKID")).head("bundles", "a.tar.gz", NOW);

        assertThat(head.headers()).containsEntry("x-amz-content-sha256", S3Requests.EMPTY_SHA256);
        assertThat(head.headers().get("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKID/20260102/eu-west-1/s3/aws4_request")
                .contains("x-amz-content-sha256");
    }

    @Test
    void withoutACredentialTheHeadIsUnsigned() {
        var head = new S3Requests(config("http://127.0.0.1:9000", true, null)).head("bundles", "a.tar.gz", NOW);

        assertThat(head.headers()).doesNotContainKey("Authorization");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"9b2cf535f27731c974343645a3985328\"|9b2cf535f27731c974343645a3985328",
            "\"9b2cf535f27731c974343645a3985328-3\"|9b2cf535f27731c974343645a3985328-3",
            "W/\"abc\"|abc",
            "abc|abc",
            "' \"abc\" '|abc"})
    void etagsAreRecordedWithoutTheirQuotes(String header, String recorded) {
        assertThat(Etag.unquoted(header)).isEqualTo(recorded);
    }

    private static BundleStoreConfig config(String endpoint, boolean pathStyle, String accessKey) {
        return new BundleStoreConfig() {
            public Optional<URI> endpoint() {
                return Optional.of(URI.create(endpoint));
            }

            public String region() {
                return "eu-west-1";
            }

            public boolean pathStyle() {
                return pathStyle;
            }

            public Optional<String> accessKeyId() {
                return Optional.ofNullable(accessKey);
            }

            public Optional<String> secretAccessKey() {
                return Optional.of("secret");
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
