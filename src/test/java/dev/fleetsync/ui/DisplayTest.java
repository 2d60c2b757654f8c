package dev.fleetsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, ''", "-1, ''", "0, 0 s", "59, 59 s", "60, 1 min", "61, 1 min 1 s",
            "3599, 59 min 59 s", "3600, 1 h", "3660, 1 h 1 min", "7325, 2 h 2 min"})
    void estimates(Integer seconds, String expected) {
        assertThat(Display.estimate(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:robomaker:us-west-2:123456789012:robot/picker-1/1700000000001, picker-1",
            "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-abc123def456, deployment-abc123def456",
            "not-an-arn, not-an-arn"})
    void namesComeOutOfArns(String arn, String expected) {
        assertThat(Display.name(arn)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, none", "-3, 0", "0, 0", "49.5, 50", "100, 100", "140, 100"})
    void percentagesAreWholeAndBounded(Float reported, Integer expected) {
        assertThat(Display.percent(reported)).isEqualTo(expected);
    }
}
