package dev.fleetsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerLogFilterTest {
    private static final String AT = "2026-12-02 13:24:03.421 UTC [4711] ";

    private final ServerLogFilter filter = new ServerLogFilter();

    @Test
    void anExpectedUniqueViolationIsDroppedWithItsDetailAndStatement() {
        assertThat(filter.keeps(AT + "[23505] ERROR:  duplicate key value violates unique constraint \"uq_deployment_job_active_fleet\""))
                .isFalse();
        assertThat(filter.keeps(AT + "[23505] DETAIL:  Key (account_id, fleet_arn)=(123456789012, arn:...) already exists.")).isFalse();
        assertThat(filter.keeps(AT + "[23505] STATEMENT:  insert into deployment_job (account_id,arn) values ($1,$2)")).isFalse();
    }

    @Test
    void theContinuationLinesOfADroppedStatementAreDroppedToo() {
        filter.keeps(AT + "[23505] STATEMENT:  insert into robot_deployment (account_id, job_arn)");
        assertThat(filter.keeps("            select $1, $2")).isFalse();
        assertThat(filter.keeps("            on conflict do nothing")).isFalse();
    }

    @Test
    void aRealServerErrorPassesWithItsStatement() {
        filter.keeps(AT + "[23505] ERROR:  duplicate key value violates unique constraint \"pk_fleet\"");
        assertThat(filter.keeps(AT + "[22012] ERROR:  division by zero")).isTrue();
        assertThat(filter.keeps(AT + "[22012] STATEMENT:  select 1/0")).isTrue();
        assertThat(filter.keeps("  from robot")).as("continuation of a kept statement").isTrue();
        assertThat(filter.keeps(AT + "[40P01] ERROR:  deadlock detected")).isTrue();
    }

    @Test
    void otherUniqueLikeCodesAndOrdinaryLinesPass() {
        assertThat(filter.keeps(AT + "[23503] ERROR:  insert or update on table \"robot\" violates foreign key constraint")).isTrue();
        assertThat(filter.keeps(AT + "[00000] LOG:  database system is ready to accept connections")).isTrue();
    }

    @Test
    void linesOfPgCtlItselfPassBeforeAnyServerLine() {
        assertThat(filter.keeps("waiting for server to start.... done")).isTrue();
        assertThat(filter.keeps("server started")).isTrue();
    }

    @Test
    void aServerWithAnotherPrefixIsNeverFiltered() {
        assertThat(filter.keeps("2026-12-02 13:24:03.421 UTC [4711] ERROR:  duplicate key value violates unique constraint \"x\""))
                .isTrue();
    }
}
