package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.application.ApplicationCursor;
import dev.fleetsync.common.PageToken;
import dev.fleetsync.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTokenSealTest {
    private static final String ARN = "arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/f/1551201873931";

    @Test
    void issuedTokenRoundTripsAndFitsThePaginationTokenPattern() {
        PageToken token = new PageToken(Instant.ofEpochMilli(1551201873931L), ARN);

        String encoded = token.encode();

        assertThat(encoded).matches("[a-zA-Z0-9_.\\-/+=]*").hasSizeLessThanOrEqualTo(2048);
        assertThat(PageToken.decode(encoded)).contains(token);
    }

    @Test
    void forgedTokenWithoutTheMacIsInvalid() {
        String forged = Base64.getUrlEncoder().encodeToString(("1|0|" + ARN).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PageToken.decode(forged)).isInstanceOf(ServiceException.class).hasMessageContaining("nextToken");
    }

    @Test
    void tokenWithItsTextChangedIsInvalid() {
        String issued = new PageToken(Instant.ofEpochMilli(5), ARN).encode();
        String other = new PageToken(Instant.ofEpochMilli(6), ARN).encode();
        String spliced = other.substring(0, other.indexOf('.')) + issued.substring(issued.indexOf('.'));

        assertThatThrownBy(() -> PageToken.decode(spliced)).isInstanceOf(ServiceException.class);
    }

    @Test
    void sealedTextThatIsNotACursorIsStillInvalid() {
        for (String plain : new String[] {"ra1|x|0|" + ARN, "ra1|1|-1|" + ARN, "ra1|-5|0|" + ARN, "ra1|999999999999999999|0|" + ARN,
                "ra1|1|0|not-an-arn", "1|1|" + ARN}) {
            assertThatThrownBy(() -> ApplicationCursor.decode(PageTokenSeal.seal(plain))).as(plain).isInstanceOf(ServiceException.class);
        }
    }

    @Test
    void tokenOpensOnlyWhenItsArnBelongsToTheCaller() {
        String token = PageTokenSeal.seal("1|5|" + ARN);

        assertThat(PageTokenSeal.open(token, text -> Optional.of(ARN))).contains("1|5|" + ARN);
        assertThat(PageTokenSeal.open(token + "x", text -> Optional.of(ARN))).isEmpty();
    }
}
