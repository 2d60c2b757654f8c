package dev.fleetsync.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The robot deployment's transition table, and that every transition the code makes is in it: the statements take their
 * moves as parameters from {@link RobotDeploymentMove}, each built against the table, and ReportHandler moves through
 * {@link RobotDeploymentStatus#moveTo}.
 */
class RobotDeploymentStatusTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/fleetsync");
    private static final Pattern UPDATE = Pattern.compile("update robot_deployment\\b(.*?)(?:returning|\"\"\")", Pattern.DOTALL);
    private static final Pattern STATUS_LITERAL = Pattern.compile("'(PendingNewDeployment|Deploying|InSync|Failed|NoResponse)'");
    /** A robot deployment's status compared with a literal (d.status, or a bare status in a robot_deployment statement). */
    private static final Pattern COMPARED_LITERAL = Pattern.compile("\\bd\\.status (?:=|in) \\(?'");

    @ParameterizedTest
    @MethodSource("moves")
    void everyMoveTheStatementsMakeIsInTheTable(RobotDeploymentMove move) {
        assertThat(move.from()).isNotEmpty().allSatisfy(from -> assertThat(from.canMoveTo(move.to())).as(from + " -> " + move.to()).isTrue());
    }

    static List<RobotDeploymentMove> moves() {
        return RobotDeploymentMove.ALL;
    }

    @Test
    void aMoveOutsideTheTableCannotBeBuilt() {
        assertThatThrownBy(() -> new RobotDeploymentMove(EnumSet.of(RobotDeploymentStatus.InSync), RobotDeploymentStatus.Deploying))
                .isInstanceOf(RobotDeploymentStatus.IllegalTransitionException.class);
    }

    /** So no statement can make a move that is not a {@link RobotDeploymentMove}: each takes its move as parameters. */
    @Test
    void everyStatementThatMovesARobotDeploymentTakesItsMoveAsParameters() throws IOException {
        int moving = 0;
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher update = UPDATE.matcher(source);
            while (update.find()) {
                String statement = update.group(1);
                if (!statement.contains("set status")) {
                    continue; // a statement that changes no status
                }
                moving++;
                assertThat(statement).as(file + ": " + statement).contains("set status = :to").containsPattern("status (in \\(:from\\)|= any\\(:from\\))")
                        .doesNotContainPattern(STATUS_LITERAL).doesNotContain("failure_code = '");
            }
            assertThat(COMPARED_LITERAL.matcher(source).find()).as(file + ": a robot deployment status as a literal").isFalse();
        }
        // one statement per move, but for the two a final report makes: ReportSql.FINISH takes either
        assertThat(moving).as("the statements found").isGreaterThanOrEqualTo(RobotDeploymentMove.ALL.size() - 1);
    }

    /** ReportHandler's moves, made through {@link RobotDeploymentStatus#moveTo}: a report ends a deployment that is open. */
    @ParameterizedTest
    @EnumSource(value = RobotDeploymentStatus.class, names = {"Deploying", "NoResponse"})
    void aReportEndsADeployingOrSilentRobotInSyncOrFailed(RobotDeploymentStatus status) {
        assertThat(status.moveTo(RobotDeploymentStatus.InSync)).isEqualTo(RobotDeploymentStatus.InSync);
        assertThat(status.moveTo(RobotDeploymentStatus.Failed)).isEqualTo(RobotDeploymentStatus.Failed);
    }

    @ParameterizedTest
    @EnumSource(value = RobotDeploymentStatus.class, names = {"InSync", "Failed"})
    void finalStatusesGoNowhere(RobotDeploymentStatus status) {
        assertThat(status.next()).isEmpty();
    }

    @Test
    void aRobotIsNeverDeployingAgain() {
        assertThat(RobotDeploymentStatus.values()).allSatisfy(s -> assertThat(s.next()).doesNotContain(RobotDeploymentStatus.PendingNewDeployment));
        assertThat(RobotDeploymentStatus.NoResponse.next()).doesNotContain(RobotDeploymentStatus.Deploying);
    }

    @Test
    void anIllegalMoveNamesBothStatuses() {
        assertThatThrownBy(() -> RobotDeploymentStatus.InSync.moveTo(RobotDeploymentStatus.Failed))
                .isInstanceOf(RobotDeploymentStatus.IllegalTransitionException.class)
                .hasMessageContaining("InSync").hasMessageContaining("Failed");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
