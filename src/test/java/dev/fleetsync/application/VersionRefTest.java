package dev.fleetsync.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VersionRefTest {

    @Test
    void absentAndLatestNameTheHead() {
        assertThat(VersionRef.parse(null).isLatest()).isTrue();
        assertThat(VersionRef.parse("$LATEST").isLatest()).isTrue();
        assertThat(VersionRef.parse("$LATEST").text()).isEqualTo("$LATEST");
    }

    @Test
    void numbersAreReadByValue() {
        assertThat(VersionRef.parse("3").number()).isEqualTo(OptionalInt.of(3));
        assertThat(VersionRef.parse("007").number()).isEqualTo(OptionalInt.of(7));
        assertThat(VersionRef.parse("0").number()).isEqualTo(OptionalInt.of(0));
        assertThat(VersionRef.parse("007").text()).isEqualTo("007");
    }

    @Test
    void numbersTooLargeToExistReadAsTheNeverExistingZero() {
        assertThat(VersionRef.parse("99999999999").number()).isEqualTo(OptionalInt.of(0));
        assertThat(VersionRef.parse("9".repeat(255)).number()).isEqualTo(OptionalInt.of(0));
        assertThat(VersionRef.parse("999999999").number()).isEqualTo(OptionalInt.of(999_999_999));
    }

    @Test
    void wireFormShowsZeroAsLatest() {
        assertThat(VersionRef.wire(0)).isEqualTo("$LATEST");
        assertThat(VersionRef.wire(12)).isEqualTo("12");
    }
}
