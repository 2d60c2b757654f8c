package dev.fleetsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.bench.RolloutRobots.Next;
import org.junit.jupiter.api.Test;

class RolloutRobotsTest {
    private static final String JOB = "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-1";

    @Test
    void aRobotWithNothingToDoPollsAgain() {
        RolloutRobots robots = new RolloutRobots(3);

        assertThat(robots.polled(1, null)).isEqualTo(Next.POLL);
        assertThat(robots.done()).isZero();
        assertThat(robots.errors()).isZero();
    }

    @Test
    void aHandedRobotReportsAtOnceAndIsDoneWhenToldNotToGoOn() {
        RolloutRobots robots = new RolloutRobots(3);

        assertThat(robots.polled(2, JOB)).isEqualTo(Next.REPORT);
        assertThat(robots.job(2)).isEqualTo(JOB);
        assertThat(robots.reported(2, false)).isEqualTo(Next.NOTHING);

        assertThat(robots.done()).isEqualTo(1);
        assertThat(robots.errors()).isZero();
    }

    @Test
    void aFailedCallIsCountedAndMadeAgain() {
        RolloutRobots robots = new RolloutRobots(2);

        assertThat(robots.failed(0, "no answer")).isEqualTo(Next.POLL);
        robots.polled(0, JOB);
        assertThat(robots.failed(0, "503")).isEqualTo(Next.REPORT);

        assertThat(robots.errors()).isEqualTo(2);
        assertThat(robots.firstError()).isEqualTo("robot 0: no answer");
    }

    @Test
    void aSecondAnswerForADoneRobotCountsAsAnErrorNotAsASecondRobotDone() {
        RolloutRobots robots = new RolloutRobots(1);
        robots.polled(0, JOB);
        robots.reported(0, false);

        assertThat(robots.reported(0, false)).isEqualTo(Next.NOTHING);
        assertThat(robots.polled(0, JOB)).isEqualTo(Next.NOTHING);

        assertThat(robots.done()).isEqualTo(1);
        assertThat(robots.errors()).isEqualTo(2);
    }

    @Test
    void aFinalReportAnsweredWithContinueIsNotTheProtocolsAndLeavesTheRobotUnfinished() {
        RolloutRobots robots = new RolloutRobots(1);
        robots.polled(0, JOB);

        assertThat(robots.reported(0, true)).isEqualTo(Next.NOTHING);

        assertThat(robots.done()).isZero();
        assertThat(robots.errors()).isEqualTo(1);
    }
}
