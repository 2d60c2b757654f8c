package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.application.ApplicationCursor;
import dev.fleetsync.common.PageToken;
import dev.fleetsync.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** nextTokens: the domain's cursor sealed for the caller's account, with the key the replicas share. */
class PageTokensTest {
    private static final String ARN = "arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/f/1551201873931";
    private static final byte[] KEY = "a key the replicas share".getBytes(StandardCharsets.UTF_8);

    private final PageTokens ours = new PageTokens(KEY, () -> "123456789012");

    @Test
    void aSealedCursorOpensToItselfAndFitsThePaginationTokenPattern() {
        String cursor = new PageToken(Instant.ofEpochMilli(1551201873931L), ARN).text();

        String token = ours.seal(cursor);

        assertThat(token).matches("[a-zA-Z0-9_.\\-/+=]*").hasSizeLessThanOrEqualTo(2048);
        assertThat(ours.open(token)).isEqualTo(cursor);
        assertThat(PageToken.parse(ours.open(token))).contains(new PageToken(Instant.ofEpochMilli(1551201873931L), ARN));
    }

    @Test
    void noCursorIsNoTokenAndNoTokenIsNoCursor() {
        assertThat(ours.seal(null)).isNull();
        assertThat(ours.open(null)).isNull();
    }

    @Test
    void anotherReplicaWithTheSameKeyOpensIt() {
        String token = ours.seal("1|5|" + ARN);

        assertThat(new PageTokens(KEY.clone(), () -> "123456789012").open(token)).isEqualTo("1|5|" + ARN);
    }

    @Test
    void aTokenOfAnotherAccountIsInvalid() {
        String token = new PageTokens(KEY, () -> "210987654321").seal("1|5|" + ARN);

        assertInvalid(token);
    }

    @Test
    void aTokenSealedWithAnotherKeyIsInvalid() {
        assertInvalid(new PageTokens("another key".getBytes(StandardCharsets.UTF_8), () -> "123456789012").seal("1|5|" + ARN));
    }

    @Test
    void aForgedTokenWithoutTheMacIsInvalid() {
        assertInvalid(Base64.getUrlEncoder().encodeToString(("1|0|" + ARN).getBytes(StandardCharsets.UTF_8)));
        assertInvalid("not base64!.x");
    }

    @Test
    void aTokenWithItsTextChangedIsInvalid() {
        String issued = ours.seal("1|5|" + ARN);
        String other = ours.seal("1|6|" + ARN);

        assertInvalid(other.substring(0, other.indexOf('.')) + issued.substring(issued.indexOf('.')));
    }

    @Test
    void sealedTextThatIsNotACursorIsStillInvalid() {
        for (String plain : new String[] {"ra1|x|0|" + ARN, "ra1|1|-1|" + ARN, "ra1|-5|0|" + ARN, "ra1|999999999999999999|0|" + ARN,
                "ra1|1|0|not-an-arn", "1|1|" + ARN}) {
            assertThatThrownBy(() -> ApplicationCursor.parse(ours.open(ours.seal(plain)))).as(plain).isInstanceOf(ServiceException.class);
        }
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> ours.open(token)).isInstanceOf(ServiceException.class).hasMessageContaining("nextToken");
    }
}
