package dev.fleetsync.deployment.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutDecisionTest {

    @Test
    void jobWithNoRobotsSucceeds() {
        assertThat(RolloutDecision.decide(new RolloutProgress(0, 0, 0, 0, 0, 0), 20, 25)).isInstanceOf(RolloutDecision.Succeed.class);
    }

    @Test
    void firstStepStartsAWave() {
        assertThat(RolloutDecision.decide(new RolloutProgress(10, 0, 0, 0, 0, 0), 20, 25)).isEqualTo(new RolloutDecision.Continue(2));
    }

    @Test
    void failuresBelowTheThresholdStillSucceedOnceAllFinished() {
        assertThat(RolloutDecision.decide(new RolloutProgress(0, 0, 9, 1, 0, 0), 20, 25)).isInstanceOf(RolloutDecision.Succeed.class);
    }

    @Test
    void breachedWithRobotsStillRunningStartsNoneAndWaits() {
        assertThat(RolloutDecision.decide(new RolloutProgress(5, 2, 0, 3, 0, 0), 50, 25)).isEqualTo(new RolloutDecision.Continue(0));
    }

    @Test
    void breachedAndNothingRunningFailsWithThresholdBreached() {
        RolloutDecision decision = RolloutDecision.decide(new RolloutProgress(5, 0, 2, 3, 0, 0), 20, 25);

        assertThat(decision).isInstanceOfSatisfying(RolloutDecision.Fail.class,
                f -> assertThat(f.failureCode()).isEqualTo("FailureThresholdBreached"));
    }

    @Test
    void onlyTimeoutsFailWithNoResponse() {
        RolloutDecision decision = RolloutDecision.decide(new RolloutProgress(0, 0, 1, 0, 1, 0), 100, 50);

        assertThat(decision).isInstanceOfSatisfying(RolloutDecision.Fail.class,
                f -> assertThat(f.failureCode()).isEqualTo("RobotDeploymentNoResponse"));
    }

    @Test
    void onlyMissingArchitecturesFailWithMissingRobotApplicationArchitecture() {
        RolloutDecision decision = RolloutDecision.decide(new RolloutProgress(0, 0, 0, 3, 0, 3), 100, 100);

        assertThat(decision).isInstanceOfSatisfying(RolloutDecision.Fail.class, f -> {
            assertThat(f.failureCode()).isEqualTo("MissingRobotApplicationArchitecture");
            assertThat(f.failureReason()).contains("3 of 3 robots failed", "no source for their architecture", "100%");
        });
    }

    @Test
    void missingArchitecturesMixedWithOtherFailuresFailWithThresholdBreached() {
        RolloutDecision withReported = RolloutDecision.decide(new RolloutProgress(0, 0, 0, 3, 0, 2), 100, 100);
        RolloutDecision withTimeouts = RolloutDecision.decide(new RolloutProgress(0, 0, 0, 2, 1, 2), 100, 100);

        assertThat(List.of(withReported, withTimeouts)).allSatisfy(decision -> assertThat(decision)
                .isInstanceOfSatisfying(RolloutDecision.Fail.class, f -> assertThat(f.failureCode()).isEqualTo("FailureThresholdBreached")));
    }

    @Test
    void missingArchitecturesBelowTheThresholdStillSucceed() {
        assertThat(RolloutDecision.decide(new RolloutProgress(0, 0, 8, 2, 0, 2), 20, 25)).isInstanceOf(RolloutDecision.Succeed.class);
    }

    /** The documented caveat: a threshold below the wave size lets a whole wave run, so failures may overshoot it. */
    @Test
    void thresholdBelowTheWaveSizeStopsOnlyAfterTheRunningWave() {
        RolloutDecision decision = RolloutDecision.decide(new RolloutProgress(6, 3, 0, 1, 0, 0), 40, 10);

        assertThat(decision).isEqualTo(new RolloutDecision.Continue(0));
    }
}
