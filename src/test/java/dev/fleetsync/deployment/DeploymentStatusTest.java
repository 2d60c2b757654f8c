package dev.fleetsync.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeploymentStatusTest {

    @Test
    void finishedStatusesAreThoseTheExpiryIndexLists() throws IOException {
        assertThat(DeploymentStatus.FINISHED).extracting(Enum::name)
                .containsExactlyInAnyOrderElementsOf(statusesOfIndex("V2__rollout.sql", "ix_deployment_job_finished"));
    }

    /**
     * Job statuses and failure codes reach SQL as parameters from the enums, never as literals, so the enum is their only
     * spelling (issue 14 point 6). 'Failed' is left out of the statuses: it is also a robot's status, which robot
     * statements set.
     */
    @Test
    void noStatementNamesAJobStatusOrAFailureCodeAsALiteral() throws IOException {
        Stream<String> statuses = Stream.of(DeploymentStatus.values()).filter(s -> s != DeploymentStatus.Failed).map(Enum::name);
        Stream<String> codes = Arrays.stream(DeploymentJobErrorCode.values()).map(Enum::name);
        Pattern literal = Pattern.compile("'(" + Stream.concat(statuses, codes).collect(Collectors.joining("|")) + ")'");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/fleetsync"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path file : sources) {
            assertThat(literal.matcher(Files.readString(file)).results().map(MatchResult::group).toList()).as(file.toString()).isEmpty();
        }
    }

    @Test
    void activeStatusesAreThoseTheSchemaLetHoldTheFleet() throws IOException {
        assertThat(DeploymentStatus.ACTIVE).extracting(Enum::name)
                .containsExactlyInAnyOrderElementsOf(statusesOfIndex("V1__fleet_model.sql", "uq_deployment_job_active_fleet"));
    }

    /** The statuses a partial index of a migration lists in its {@code where status in (...)}. */
    private static Set<String> statusesOfIndex(String migration, String index) throws IOException {
        String schema = Files.readString(Path.of("src/main/resources/db/migration", migration));
        Matcher found = Pattern.compile(index + "[^;]*where status in \\(([^)]*)\\)").matcher(schema);
        assertThat(found.find()).as("the partial index " + index).isTrue();
        return Pattern.compile("'([A-Za-z]+)'").matcher(found.group(1)).results().map(m -> m.group(1)).collect(Collectors.toSet());
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
