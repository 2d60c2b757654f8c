package dev.fleetsync.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinRulesTest {
    private static final String DIGEST = "sha256:" + "0f".repeat(32);
    private static final ApplicationSource X86 = new ApplicationSource("my-bucket", "a", Etags.placeholder("my-bucket", "a"), Architecture.X86_64);
    private static final ApplicationSource ARM = new ApplicationSource("my-bucket", "b", Etags.placeholder("my-bucket", "b"), Architecture.ARM64);

    @Test
    void placeholderEtagIsTheHexMd5OfBucketSlashKey() {
        // md5("my-bucket/a"), computed independently
        org.assertj.core.api.Assertions.assertThat(Etags.placeholder("my-bucket", "a")).isEqualTo(md5Hex("my-bucket/a")).hasSize(32);
    }

    @Test
    void etagsOfEverySourceInAnyOrderPass() {
        assertThatCode(() -> PinRules.check(s3Head(), List.of(X86, ARM), List.of(ARM.etag(), X86.etag()), null)).doesNotThrowAnyException();
        assertThatCode(() -> PinRules.check(s3Head(), List.of(X86, ARM), null, null)).doesNotThrowAnyException();
        assertThatCode(() -> PinRules.check(s3Head(), List.of(X86, ARM), List.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void missingExtraOrWrongEtagsFail() {
        assertThatThrownBy(() -> PinRules.check(s3Head(), List.of(X86, ARM), List.of(X86.etag()), null)).hasMessageContaining("'s3Etags'");
        assertThatThrownBy(() -> PinRules.check(s3Head(), List.of(X86), List.of(X86.etag(), X86.etag()), null)).hasMessageContaining("'s3Etags'");
        assertThatThrownBy(() -> PinRules.check(s3Head(), List.of(X86), List.of("feed"), null)).hasMessageContaining("'s3Etags'");
        assertThatThrownBy(() -> PinRules.check(containerHead(), List.of(), List.of("feed"), null)).hasMessageContaining("'s3Etags'");
    }

    @Test
    void imageDigestFitsOnlyContainerApplications() {
        assertThatCode(() -> PinRules.check(containerHead(), List.of(), null, DIGEST)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PinRules.check(s3Head(), List.of(X86), null, DIGEST)).hasMessageContaining("'imageDigest'");
    }

    private static RobotApplication s3Head() {
        RobotApplication head = new RobotApplication();
        head.arn = "arn:aws:robomaker:us-west-2:123456789012:robot-application/a/1";
        return head;
    }

    private static RobotApplication containerHead() {
        RobotApplication head = s3Head();
        head.environmentUri = "repo/app:1";
        return head;
    }

    private static String md5Hex(String text) throws RuntimeException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.format("%032x", new java.math.BigInteger(1, digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
