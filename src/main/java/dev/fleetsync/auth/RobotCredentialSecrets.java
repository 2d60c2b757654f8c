package dev.fleetsync.auth;

import dev.fleetsync.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access key ids and secrets of robot credentials. The secret is HMAC-SHA256(server key, access key id), so nothing
 * secret is stored: the database holds key ids only, and a new server key makes every robot credential invalid at once.
 */
@ApplicationScoped
public class RobotCredentialSecrets {
    public static final String PREFIX = "RKID";
    static final int MIN_KEY_LENGTH = 32;
    private static final Pattern ACCESS_KEY_ID = Pattern.compile(PREFIX + "[A-Z2-7]{16}");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final Optional<byte[]> key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public RobotCredentialSecrets(AuthConfig config) {
        this(config.robotCredentialKey());
    }

    RobotCredentialSecrets(Optional<String> serverKey) {
        serverKey.ifPresent(k -> {
            if (k.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException("fleetsync.auth.robot-credential-key must be at least " + MIN_KEY_LENGTH + " characters");
            }
        });
        this.key = serverKey.map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    /** False when no server key is configured: robot credentials can then be neither issued nor used. */
    public boolean enabled() {
        return key.isPresent();
    }

    /** Whether the text has the form of a robot credential's access key id ({@code RKID} and 16 base32 characters). */
    public static boolean isRobotKeyId(String accessKeyId) {
        return accessKeyId != null && ACCESS_KEY_ID.matcher(accessKeyId).matches();
    }

    /** A new random access key id: 80 random bits, like the AKIA... ids of AWS. */
    public String newAccessKeyId() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    /** The secret access key of {@code accessKeyId}: 43 URL-safe base64 characters. */
    public String secretOf(String accessKeyId) {
        byte[] serverKey = key.orElseThrow(() -> new IllegalStateException("fleetsync.auth.robot-credential-key is not set"));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
            hmac.update("fleetsync-robot-credential\n".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(accessKeyId.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
