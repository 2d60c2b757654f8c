package dev.fleetsync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.PageToken;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicationCursorTest {
    private static final String ARN = "arn:aws:robomaker:us-west-2:123456789012:robot-application/my|app/1551201873931";

    @Test
    void aCursorParsesBackFromItsText() {
        ApplicationCursor cursor = new ApplicationCursor(Instant.ofEpochMilli(1551201873931L), ARN, 42);

        assertThat(ApplicationCursor.parse(cursor.text())).contains(cursor);
    }

    @Test
    void noTokenIsNoCursor() {
        assertThat(ApplicationCursor.parse(null)).isEqualTo(Optional.empty());
    }

    @Test
    void textThatIsNoApplicationCursorIsInvalid() {
        for (String token : new String[] {"not a cursor", "ra1|x|0|" + ARN, "ra1|1|-1|" + ARN, "ra1|1|0|not-an-arn",
                "ra2|1|0|" + ARN, "ra1|-5|0|" + ARN, "ra1|999999999999999999|0|" + ARN, "ra1|1|0",
                new PageToken(Instant.ofEpochMilli(1), ARN).text()}) {
            assertThatThrownBy(() -> ApplicationCursor.parse(token)).as(token).isInstanceOfSatisfying(ServiceException.class, e -> {
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
}
