package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrincipalTest {

    @Test
    void entryIsKeyThenSecretThenAccountAndTheSecretMayHoldColons() {
        assertThat(Principal.parse(" AKIAEXAMPLE0000001:se:cr:et:123456789012 "))
                .isEqualTo(new Principal("AKIAEXAMPLE0000001", "se:cr:et", "123456789012"));
    }

    @Test
    void malformedEntriesAreRefusedWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> Principal.parse("AKIAEXAMPLE0000001:topsecret")).hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> Principal.parse("AKIAEXAMPLE0000001:topsecret:12345")).hasMessageContaining("12 digits")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> Principal.parse("lower:topsecret:123456789012")).hasMessageNotContaining("topsecret");
    }

    @Test
    void commentsAndBlankLinesOfAFileAreNoPrincipal() {
        assertThat(Principal.parseLine("# rotated 2024-06-01")).isEmpty();
        assertThat(Principal.parseLine("   ")).isEmpty();
        assertThat(Principal.parseLine("AKIAEXAMPLE0000001:s:123456789012")).isPresent();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(new Principal("AKIAEXAMPLE0000001", "topsecret", "123456789012").toString()).doesNotContain("topsecret");
    }

    @Test
    void aRobotCredentialNamesItsRobotButNeverItsSecret() {
        Principal robot = Principal.robot("RKIDAAAAAAAAAAAAAAAA", "topsecret", "123456789012", "arn:aws:robomaker:us-west-2:123456789012:robot/r/1");

        assertThat(robot.isRobot()).isTrue();
        assertThat(new Principal("AKIAEXAMPLE0000001", "s", "123456789012").isRobot()).isFalse();
        assertThat(robot.toString()).contains("robot/r/1").doesNotContain("topsecret");
    }
}
