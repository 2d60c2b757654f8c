package dev.fleetsync.auth;

import dev.fleetsync.common.Arn;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals page tokens with an HMAC so a client cannot forge one, and binds each to the account it was issued to: the
 * sealed text holds the ARN of the last item served, whose account must be the caller's when the token comes back.
 * The codecs keep static methods, so the key is process-wide; {@link AuthStartup} installs the configured one.
 */
public final class PageTokenSeal {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    private static volatile byte[] key = randomKey();

    private PageTokenSeal() {
    }

    static void useKey(String secret) {
        key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code base64url(plain) "." base64url(mac)}: only characters of the PaginationToken pattern. */
    public static String seal(String plain) {
        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /**
     * The sealed text, if the token is one we issued, untampered, and (during a request) issued to the caller's account.
     *
     * @param arnOf finds the ARN inside the plain text, to check its account
     */
    public static Optional<String> open(String token, java.util.function.Function<String, Optional<String>> arnOf) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] plain = DECODER.decode(token.substring(0, dot));
            if (!MessageDigest.isEqual(mac(plain), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String text = new String(plain, StandardCharsets.UTF_8);
            Optional<String> caller = CallerAccount.current().map(Principal::accountId);
            Optional<String> owner = arnOf.apply(text).flatMap(Arn::parse).map(Arn::accountId);
            return caller.isEmpty() || caller.equals(owner) ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] plain) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update("fleetsync-page-token\n".getBytes(StandardCharsets.UTF_8));
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
