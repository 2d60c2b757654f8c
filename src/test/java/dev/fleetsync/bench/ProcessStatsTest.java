package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void compilerTimeCountsWhatEachThreadAddedIncludingOneThatStartedInBetween() {
        Map<String, Long> before = Map.of("11", 100L, "12", 50L);
        Map<String, Long> after = Map.of("11", 130L, "12", 50L, "13", 20L);

        assertThat(ProcessStats.compilerSecondsBetween(before, after)).isEqualTo(0.5);
    }

    @Test
    void aCompilerThreadThatEndedInBetweenAddsNothingAndNeverSubtracts() {
        Map<String, Long> before = Map.of("11", 100L, "12", 400L);
        Map<String, Long> after = Map.of("11", 110L);

        assertThat(ProcessStats.compilerSecondsBetween(before, after)).isEqualTo(0.1);
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundAndHaveRun() {
        ProcessStats self = new ProcessStats(ProcessHandle.current().pid());

        Map<String, Long> ticks = self.compilerTicks();

        assertThat(ticks).isNotEmpty();
        assertThat(ticks.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(ProcessStats.compilerSecondsBetween(ticks, self.compilerTicks())).isGreaterThanOrEqualTo(0);
    }
}
