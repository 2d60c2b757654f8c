package dev.fleetsync.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeploymentStatusTest {

    @Test
    void activeStatusesAreThoseTheSchemaLetHoldTheFleet() throws IOException {
        String schema = Files.readString(Path.of("src/main/resources/db/migration/V1__fleet_model.sql"));
        Matcher index = Pattern.compile("uq_deployment_job_active_fleet[^;]*where status in \\(([^)]*)\\)").matcher(schema);
        assertThat(index.find()).as("the partial unique index of active jobs").isTrue();
        Set<String> holding = Pattern.compile("'([A-Za-z]+)'").matcher(index.group(1)).results().map(m -> m.group(1))
                .collect(Collectors.toSet());

        assertThat(DeploymentStatus.ACTIVE).extracting(Enum::name).containsExactlyInAnyOrderElementsOf(holding);
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
