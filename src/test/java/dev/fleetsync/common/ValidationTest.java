package dev.fleetsync.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one wording of validation errors, at its edges. */
class ValidationTest {

    @Test
    void aShortValueIsEchoedInQuotes() {
        assertThat(Validation.invalid("fleet", "bad", "Member must satisfy regular expression pattern: arn:.*").getMessage())
                .isEqualTo("1 validation error detected: Value 'bad' at 'fleet' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: arn:.*");
    }

    @Test
    void aMissingValueIsValueNull() {
        assertThat(Validation.violation("name", null, "Member must not be null"))
                .isEqualTo("Value null at 'name' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void numbersAndEnumConstantsAreEchoed() {
        assertThat(Validation.violation("maxResults", 0, "c")).startsWith("Value '0' at 'maxResults'");
        assertThat(Validation.violation("architecture", ServiceError.THROTTLING, "c")).startsWith("Value 'THROTTLING' at");
    }

    @Test
    void aValueLongerThanTheEchoLimitIsNotRepeated() {
        String longValue = "x".repeat(Validation.MAX_ECHOED_VALUE + 1);
        assertThat(Validation.violation("key", longValue, "c")).isEqualTo("Value at 'key' failed to satisfy constraint: c");
        assertThat(Validation.violation("key", "x".repeat(Validation.MAX_ECHOED_VALUE), "c")).startsWith("Value 'xxx");
    }

    @Test
    void aValueThatIsNoTextIsNotRepeated() {
        assertThat(Validation.violation("tags", java.util.Map.of("a", "b"), "c")).isEqualTo("Value at 'tags' failed to satisfy constraint: c");
    }

    @Test
    void controlCharactersAndSurrogatesAreEscapedNeverEchoedRaw() {
        assertThat(Validation.violation("name", "a\u0000b\ud800", "c")).startsWith("Value 'a\\u0000b\\uD800' at 'name'");
    }

    @Test
    void severalViolationsAreCountedAndJoined() {
        assertThat(Validation.message(List.of("one", "two"))).isEqualTo("2 validation errors detected: one; two");
    }

    @Test
    void aBodyWideViolationNamesTheBody() {
        assertThat(Validation.bodyMessage("c")).isEqualTo("1 validation error detected: The request body failed to satisfy constraint: c");
    }

    @Test
    void theRefusalIsAnInvalidParameter() {
        assertThat(Validation.invalidMember("s3Etags", "c").error()).isEqualTo(ServiceError.INVALID_PARAMETER);
    }
}
