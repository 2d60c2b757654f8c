package dev.fleetsync.deployment.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FailureThresholdTest {

    @Test
    void exactlyAtTheThresholdBreaches() {
        assertThat(FailureThreshold.breached(1, 4, 25)).isTrue();
    }

    @Test
    void justBelowTheThresholdDoesNotBreach() {
        assertThat(FailureThreshold.breached(2, 9, 25)).isFalse(); // 22.2 %
    }

    @Test
    void zeroRobotsNeverBreach() {
        assertThat(FailureThreshold.breached(0, 0, 1)).isFalse();
    }

    @Test
    void noFailuresNeverBreach() {
        assertThat(FailureThreshold.breached(0, 10, 1)).isFalse();
    }

    @Test
    void hundredPercentNeedsEveryRobotToFail() {
        assertThat(FailureThreshold.breached(9, 10, 100)).isFalse();
        assertThat(FailureThreshold.breached(10, 10, 100)).isTrue();
    }

    @Test
    void largeFleetsDoNotOverflow() {
        assertThat(FailureThreshold.breached(Integer.MAX_VALUE / 2, Integer.MAX_VALUE, 50)).isFalse();
    }

    @Test
    void failuresLeftCountsTheFailureThatBreaches() {
        assertThat(FailureThreshold.failuresLeft(0, 4, 25)).isEqualTo(1);
        assertThat(FailureThreshold.failuresLeft(0, 10, 25)).isEqualTo(3); // 3 of 10 is 30 %, 2 only 20 %
    }

    @Test
    void noFailuresLeftOnceBreachedOrWithoutRobots() {
        assertThat(FailureThreshold.failuresLeft(2, 4, 25)).isZero();
        assertThat(FailureThreshold.failuresLeft(0, 0, 50)).isZero();
    }

    @Test
    void hundredPercentLeavesRoomForEveryRobotButTheLast() {
        assertThat(FailureThreshold.failuresLeft(3, 10, 100)).isEqualTo(7);
    }

    /** The failures left are exactly the ones after which {@link FailureThreshold#breached} turns true. */
    @ParameterizedTest
    @MethodSource("randomCases")
    void failuresLeftAgreesWithBreached(int failed, int robots, int threshold) {
        int left = FailureThreshold.failuresLeft(failed, robots, threshold);

        if (robots > 0) {
            assertThat(FailureThreshold.breached(failed + left, robots, threshold)).isTrue();
        }
        if (left > 0) {
            assertThat(FailureThreshold.breached(failed + left - 1, robots, threshold)).isFalse();
        }
    }

    /** Against the definition in floating point: failed / N x 100 >= threshold. */
    @ParameterizedTest
    @MethodSource("randomCases")
    void agreesWithTheDefinition(int failed, int robots, int threshold) {
        assertThat(FailureThreshold.breached(failed, robots, threshold))
                .isEqualTo(robots > 0 && failed * 100.0 / robots >= threshold - 1e-9);
    }

    static Stream<Arguments> randomCases() {
        Random random = new Random(20261125);
        return Stream.generate(() -> {
            int robots = random.nextInt(500);
            return Arguments.of(robots == 0 ? 0 : random.nextInt(robots + 1), robots, 1 + random.nextInt(100));
        }).limit(500);
    }
}
