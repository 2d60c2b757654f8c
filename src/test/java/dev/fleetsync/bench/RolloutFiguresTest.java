package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.bench.BenchReport.Rollout;
import org.junit.jupiter.api.Test;

class RolloutFiguresTest {

    @Test
    void robotsPerSecondAreTheRobotsOverTheWallTime() {
        Rollout rollout = new Rollout(1, 10_000, 40_000, 4, 2_000, 1, 1, 1, 0);

        assertThat(rollout.robotsPerSecond()).isEqualTo(250);
    }

    @Test
    void theLimitIsTheDatabasesCommitRateOverTheCommitsARobotTakes() {
        Rollout rollout = new Rollout(2, 10_000, 40_000, 4, 2_000, 1, 1, 1, 0);

        assertThat(rollout.limitRobotsPerSecond()).isEqualTo(500);
    }

    @Test
    void aRolloutThatNeverSucceededHasNoRate() {
        Rollout rollout = new Rollout(1, 10_000, Double.NaN, 4, 2_000, 1, 1, 1, 1);

        assertThat(rollout.robotsPerSecond()).isNaN();
    }
}
