package dev.fleetsync.deployment.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WavePolicyTest {

    @Test
    void documentedExampleOf200RobotsAt10PercentIs20AtATime() {
        assertThat(WavePolicy.waveSize(200, 10)).isEqualTo(20);
    }

    @Test
    void partialRobotsRoundUp() {
        assertThat(WavePolicy.waveSize(11, 10)).isEqualTo(2);
    }

    @Test
    void atLeastOneRobotDeploys() {
        assertThat(WavePolicy.waveSize(3, 1)).isEqualTo(1);
    }

    @Test
    void zeroRobotsHaveNoWave() {
        assertThat(WavePolicy.waveSize(0, 50)).isZero();
    }

    @Test
    void hundredPercentDeploysEveryRobotAtOnce() {
        assertThat(WavePolicy.waveSize(7, 100)).isEqualTo(7);
    }

    @Test
    void aFullWaveStartsNobody() {
        assertThat(WavePolicy.toStart(10, 20, 2, 8)).isZero();
    }

    @Test
    void aFreedSlotStartsExactlyOneMore() {
        assertThat(WavePolicy.toStart(10, 20, 1, 8)).isEqualTo(1);
    }

    @Test
    void neverStartsMoreThanAreWaiting() {
        assertThat(WavePolicy.toStart(10, 50, 0, 2)).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("randomCases")
    void runningPlusStartedNeverExceedsTheWave(int robots, int percentage, int deploying, int waiting) {
        int start = WavePolicy.toStart(robots, percentage, deploying, waiting);

        assertThat(start).isBetween(0, waiting);
        assertThat(deploying + start).isLessThanOrEqualTo(Math.max(deploying, WavePolicy.waveSize(robots, percentage)));
        assertThat(WavePolicy.waveSize(robots, percentage)).isEqualTo((int) Math.max(1, Math.ceil(robots * percentage / 100.0)));
    }

    static Stream<Arguments> randomCases() {
        Random random = new Random(7);
        return Stream.generate(() -> {
            int robots = 1 + random.nextInt(2000);
            int deploying = random.nextInt(robots + 1);
            return Arguments.of(robots, 1 + random.nextInt(100), deploying, random.nextInt(robots - deploying + 1));
        }).limit(500);
    }
}
