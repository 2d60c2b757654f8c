package dev.fleetsync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PENDING (the idle poll's read) is pinned to HAND_OVER's "held" and "turn" conditions: a poll PENDING turns away
 * must be one HAND_OVER would hand nothing, so both are built from the same two fragments, and PENDING's numbered
 * text is what the service and the benchmark's raw SQL send.
 */
class AgentSqlTest {

    @Test
    void pendingAndTheHandOverTestTheSameHeldAndTurnConditions() {
        assertThat(AgentSql.HAND_OVER).contains(AgentSql.HELD, AgentSql.TURN);
        assertThat(AgentSql.PENDING_NAMED).contains(AgentSql.HELD, AgentSql.TURN);
        assertThat(AgentSql.PENDING).contains(AgentSql.numbered(AgentSql.HELD, AgentSql.PENDING_PARAMETERS),
                AgentSql.numbered(AgentSql.TURN, AgentSql.PENDING_PARAMETERS));
    }

    @Test
    void bothReportStatementsTestTheSameFit() {
        assertThat(ReportSql.PROGRESS_NAMED).contains(ReportSql.FITS);
        assertThat(ReportSql.FINISH_NAMED).contains(ReportSql.FITS);
        assertThat(ReportSql.PROGRESS).doesNotContain(":");
        assertThat(ReportSql.FINISH).doesNotContain(":");
    }

    @Test
    void pendingIsNumberedInTheOrderOfItsParameters() {
        assertThat(AgentSql.PENDING).contains("r.account_id = $1 and r.arn = $2", "d.status = $3", "j.status = $4", "d.status in ($5)")
                .doesNotContain(":");
    }

    @Test
    void aNameThatStartsAnotherIsNotMistakenForIt() {
        assertThat(AgentSql.numbered("a = :robot and b = :robotArn", List.of("robot", "robotArn"))).isEqualTo("a = $1 and b = $2");
    }

    @Test
    void aNamedParameterLeftUnnumberedIsRefused() {
        assertThatThrownBy(() -> AgentSql.numbered("a = :robot and b = :job", List.of("robot")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(":job");
    }
}
