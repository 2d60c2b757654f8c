package dev.fleetsync.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The placeholder etag recorded for a source bundle when no bundle store is configured ({@link BundleStore}): the
 * lower-case hex MD5 of {@code bucket + "/" + key} (unquoted, 32 characters). The agent recognizes it and does not
 * verify the object; callers that pin {@code s3Etags} pass back the values the service returned.
 */
public final class Etags {
    private Etags() {
    }

    public static String placeholder(String bucket, String key) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
    }
}
