package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {
    private static final double SHARE = 0.10;

    @Test
    void oneQuietRoundIsNotYetSettled() {
        assertThat(JitWarmUp.settled(List.of(round(1, 0.40, 0.60), round(2, 0.05, 0.05)), SHARE)).isFalse();
    }

    @Test
    void aBurstAfterAQuietRoundStartsTheCountAgain() {
        List<JitWarmUp.Round> rounds = List.of(round(1, 0.09, 0.01), round(2, 0.31, 0.02), round(3, 0.08, 0.01));

        assertThat(JitWarmUp.settled(rounds, SHARE)).isFalse();
    }

    @Test
    void twoQuietRoundsInARowOnBothSidesSettle() {
        List<JitWarmUp.Round> rounds = List.of(round(1, 0.31, 0.02), round(2, 0.08, 0.01), round(3, 0.05, 0.09));

        assertThat(JitWarmUp.settled(rounds, SHARE)).isTrue();
    }

    @Test
    void theGeneratorStillCompilingKeepsTheWarmUpGoing() {
        List<JitWarmUp.Round> rounds = List.of(round(1, 0.05, 0.12), round(2, 0.05, 0.08));

        assertThat(JitWarmUp.settled(rounds, SHARE)).isFalse();
    }

    @Test
    void aShareExactlyAtTheLimitIsNotUnderIt() {
        assertThat(JitWarmUp.settled(List.of(round(1, 0.10, 0.0), round(2, 0.10, 0.0)), SHARE)).isFalse();
    }

    @Test
    void noRoundsAreNotSettled() {
        assertThat(JitWarmUp.settled(List.of(), SHARE)).isFalse();
    }

    private static JitWarmUp.Round round(int n, double service, double generator) {
        return new JitWarmUp.Round(n, service, generator);
    }
}
