package dev.fleetsync.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The robot deployment's transition table, and that every transition the code makes is in it. */
class RobotDeploymentStatusTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/fleetsync");
    private static final Pattern UPDATE = Pattern.compile("update robot_deployment\\b(.*?)(?:returning|\"\"\")", Pattern.DOTALL);
    private static final Pattern TARGET = Pattern.compile("set status = '(\\w+)'");
    /** The robot deployment's status (bare, or as d.status), not the job's (j.status). */
    private static final Pattern SOURCE = Pattern.compile("(?:(?<![\\w.])|(?<=\\bd\\.))status (?:= '(\\w+)'|in \\(([^)]*)\\))");

    /** A status change a statement of the code makes: from any of {@code from} to {@code to}. */
    record Move(String where, List<RobotDeploymentStatus> from, RobotDeploymentStatus to) {
    }

    @Test
    void everyStatementThatMovesARobotDeploymentMakesAMoveOfTheTable() throws IOException {
        List<Move> moves = statementMoves();

        assertThat(moves).as("the statements found").hasSizeGreaterThanOrEqualTo(5);
        assertThat(moves).allSatisfy(move -> assertThat(move.from()).as(move.where())
                .allSatisfy(from -> assertThat(from.canMoveTo(move.to())).as(move.where() + ": " + from + " -> " + move.to()).isTrue()));
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

    @Test
    void theStoredFailureCodesAreErrorCodes() throws IOException {
        Pattern code = Pattern.compile("failure_code = '(\\w+)'|then '(\\w+)'|else '(\\w+)' end");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = code.matcher(Files.readString(file));
            while (m.find()) {
                found.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        assertThat(found).isNotEmpty().allSatisfy(name -> DeploymentJobErrorCode.valueOf(name));
    }

    private static List<Move> statementMoves() throws IOException {
        List<Move> moves = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher update = UPDATE.matcher(Files.readString(file));
            while (update.find()) {
                String statement = update.group(1);
                Matcher target = TARGET.matcher(statement);
                if (!target.find()) {
                    continue; // a statement that changes no status
                }
                String where = statement.substring(target.end());
                List<RobotDeploymentStatus> from = new ArrayList<>();
                Matcher source = SOURCE.matcher(where);
                while (source.find()) {
                    String names = source.group(1) != null ? source.group(1) : source.group(2);
                    Stream.of(names.split(",")).map(n -> n.trim().replace("'", "")).map(RobotDeploymentStatus::valueOf).forEach(from::add);
                }
                assertThat(from).as(file + ": a status change must name the statuses it moves from").isNotEmpty();
                moves.add(new Move(file.getFileName() + ": " + statement.strip().lines().findFirst().orElse(""), from,
                        RobotDeploymentStatus.valueOf(target.group(1))));
            }
        }
        return moves;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
