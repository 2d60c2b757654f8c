package dev.fleetsync.api.http;

import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the cursors of list operations into {@code nextToken}s and opens them again: the cursor's text (the domain's
 * keyset position) with an HMAC over it and the caller's account, so a client cannot forge a token, and a token is
 * refused from any account but the one it was issued to. Replicas must share the key
 * ({@code fleetsync.auth.page-token-key}); without one, a random key per process: tokens die with it.
 */
@ApplicationScoped
public class PageTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    static final String INVALID = "The nextToken is not valid; pass the value returned by the previous call";

    private final byte[] key;
    private final Supplier<String> account;

    @Inject
    public PageTokens(AuthConfig config, CallerAccount caller) {
        this(config.pageTokenKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(PageTokens::randomKey), caller::accountId);
    }

    PageTokens(byte[] key, Supplier<String> account) {
        this.key = key.clone();
        this.account = account;
    }

    /** {@code base64url(cursor) "." base64url(mac)}: only characters of the PaginationToken pattern; null for no cursor. */
    public String seal(String cursor) {
        if (cursor == null) {
            return null;
        }
        byte[] plain = cursor.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(plain) + "." + ENCODER.encodeToString(mac(plain));
    }

    /** The cursor a token of ours holds, null for no token; any other token is an InvalidParameterException. */
    public String open(String token) {
        if (token == null) {
            return null;
        }
        int dot = token.lastIndexOf('.');
        try {
            if (dot > 0) {
                byte[] plain = DECODER.decode(token.substring(0, dot));
                if (MessageDigest.isEqual(mac(plain), DECODER.decode(token.substring(dot + 1)))) {
                    return new String(plain, StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: falls through to the refusal
        }
        throw ServiceException.invalid(INVALID);
    }

    private byte[] mac(byte[] plain) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(("fleetsync-page-token\n" + account.get() + "\n").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(hmac.doFinal(plain), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
