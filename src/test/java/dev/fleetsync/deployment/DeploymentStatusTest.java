package dev.fleetsync.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeploymentStatusTest {

    @Test
    void activeStatusesAreThoseThatHoldTheFleet() {
        assertThat(DeploymentStatus.ACTIVE).containsExactlyInAnyOrder(DeploymentStatus.Pending, DeploymentStatus.Preparing,
                DeploymentStatus.InProgress);
    }

    @ParameterizedTest
    @EnumSource(value = DeploymentStatus.class, names = {"Pending", "Preparing", "InProgress"})
    void everyActiveStatusCanBeCanceledOrFailed(DeploymentStatus status) {
        assertThat(status.next()).contains(DeploymentStatus.Canceled, DeploymentStatus.Failed);
    }

    @ParameterizedTest
    @EnumSource(value = DeploymentStatus.class, names = {"Succeeded", "Failed", "Canceled"})
    void finalStatusesGoNowhere(DeploymentStatus status) {
        assertThat(status.next()).isEmpty();
        assertThat(status.isActive()).isFalse();
    }

    @Test
    void theLifecycleRunsForwardOnly() {
        assertThat(DeploymentStatus.Pending.next()).contains(DeploymentStatus.Preparing).doesNotContain(DeploymentStatus.InProgress);
        assertThat(DeploymentStatus.Preparing.next()).contains(DeploymentStatus.InProgress).doesNotContain(DeploymentStatus.Pending);
        assertThat(DeploymentStatus.InProgress.next()).isEqualTo(
                EnumSet.of(DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.Canceled));
    }

    @Test
    void anIllegalMoveNamesBothStatuses() {
        assertThatThrownBy(() -> DeploymentStatus.Succeeded.moveTo(DeploymentStatus.InProgress))
                .isInstanceOf(DeploymentStatus.IllegalTransitionException.class)
                .hasMessageContaining("Succeeded").hasMessageContaining("InProgress");
    }
}
