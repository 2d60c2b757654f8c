package dev.fleetsync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.PageToken;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicationCursorTest {
    private static final String ARN = "arn:aws:robomaker:us-west-2:123456789012:robot-application/my|app/1551201873931";

    @Test
    void encodedCursorDecodesToItselfAndFitsThePaginationTokenPattern() {
        ApplicationCursor cursor = new ApplicationCursor(Instant.ofEpochMilli(1551201873931L), ARN, 42);

        String token = cursor.encode();

        assertThat(token).matches("[a-zA-Z0-9_.\\-/+=]*").hasSizeLessThanOrEqualTo(2048);
        assertThat(ApplicationCursor.decode(token)).contains(cursor);
    }

    @Test
    void noTokenIsNoCursor() {
        assertThat(ApplicationCursor.decode(null)).isEqualTo(Optional.empty());
    }

    @Test
    void tokensWeDidNotIssueAreInvalid() {
        for (String token : new String[] {"not base64!", plain("ra1|x|0|" + ARN), plain("ra1|1|-1|" + ARN), plain("ra1|1|0|not-an-arn"),
                plain("ra2|1|0|" + ARN), plain("ra1|-5|0|" + ARN), plain("ra1|999999999999999999|0|" + ARN), plain("ra1|1|0"),
                new PageToken(Instant.ofEpochMilli(1), ARN).encode()}) {
            assertThatThrownBy(() -> ApplicationCursor.decode(token)).as(token).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.error()).isEqualTo(ServiceError.INVALID_PARAMETER);
                assertThat(e.getMessage()).contains("nextToken");
            });
        }
    }

    @Test
    void pageSizeIsOneToHundredAndHundredByDefault() {
        assertThat(ApplicationPageRequest.of(null, null).size()).isEqualTo(100);
        assertThat(ApplicationPageRequest.of(null, 1).size()).isEqualTo(1);
        assertThat(ApplicationPageRequest.of(null, 100).size()).isEqualTo(100);
        assertThatThrownBy(() -> ApplicationPageRequest.of(null, 0)).hasMessageContaining("'maxResults'");
        assertThatThrownBy(() -> ApplicationPageRequest.of(null, 101)).hasMessageContaining("between 1 and 100");
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
