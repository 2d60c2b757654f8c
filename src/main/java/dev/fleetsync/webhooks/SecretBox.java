package dev.fleetsync.webhooks;

import dev.fleetsync.config.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Signing secrets at rest: AES-GCM under the configured key, so a database dump holds no usable secret. */
@ApplicationScoped
public class SecretBox {
    private static final int NONCE_BYTES = 12;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(WebhooksConfig config) {
        byte[] raw = config.secretKey().map(Base64.getDecoder()::decode).orElseGet(() -> {
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            return generated;
        });
        if (raw.length != 32) {
            throw new IllegalStateException("fleetsync.webhooks.secret-key must be the base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A new secret: 32 random bytes, as base64url text. */
    public String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a webhook secret", e);
        }
    }

    public String open(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), java.nio.charset.StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a webhook secret (was fleetsync.webhooks.secret-key changed?)", e);
        }
    }
}
