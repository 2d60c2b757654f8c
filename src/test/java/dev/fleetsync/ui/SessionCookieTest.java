package dev.fleetsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionCookieTest {

    @Test
    void theCookieIsHttpOnlyStrictAndLimitedToTheDashboard() {
        assertThat(SessionCookie.set("abc", Duration.ofMinutes(30), false))
                .isEqualTo("fleetsync-session=abc; Path=/ui; Max-Age=1800; HttpOnly; SameSite=Strict");
    }

    @Test
    void overTlsItIsSecure() {
        assertThat(SessionCookie.set("abc", Duration.ofMinutes(30), true)).endsWith("; SameSite=Strict; Secure");
    }

    @Test
    void clearingExpiresItAtOnce() {
        assertThat(SessionCookie.clear(false)).startsWith("fleetsync-session=; ").contains("Max-Age=0");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "true, none, false, true", "false, none, true, false", "false, https, false, false", "false, https, true, true",
            "false, HTTPS, true, true", "false, http, true, false", "false, ' https ', true, true", "true, http, true, true"})
    void tlsIsTheConnectionsOrATrustedProxysWord(boolean ssl, String forwardedProto, boolean trusted, boolean expected) {
        assertThat(SessionCookie.overTls(ssl, forwardedProto, trusted)).isEqualTo(expected);
    }
}
