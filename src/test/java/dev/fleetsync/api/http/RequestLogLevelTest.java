package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logging.Logger.Level;
import org.junit.jupiter.api.Test;

/** Which request lines are INFO: all but the robot protocol's successful calls, which a fleet sends all day. */
class RequestLogLevelTest {
    @Test
    void aRobotsAnsweredPollOrReportIsDebug() {
        assertThat(RequestLogging.levelOf("/agent/v1/poll", 200)).isEqualTo(Level.DEBUG);
        assertThat(RequestLogging.levelOf("/agent/v1/report", 200)).isEqualTo(Level.DEBUG);
    }

    @Test
    void aRobotsRefusedOrFailedCallIsInfo() {
        assertThat(RequestLogging.levelOf("/agent/v1/poll", 404)).isEqualTo(Level.INFO);
        assertThat(RequestLogging.levelOf("/agent/v1/report", 400)).isEqualTo(Level.INFO);
        assertThat(RequestLogging.levelOf("/agent/v1/poll", 403)).isEqualTo(Level.INFO);
        assertThat(RequestLogging.levelOf("/agent/v1/poll", 503)).isEqualTo(Level.INFO);
    }

    @Test
    void everyApiCallIsInfoWhateverItsStatus() {
        assertThat(RequestLogging.levelOf("/createFleet", 200)).isEqualTo(Level.INFO);
        assertThat(RequestLogging.levelOf("/syncDeploymentJob", 409)).isEqualTo(Level.INFO);
    }

    @Test
    void aPathOnlyNamedLikeTheRobotProtocolIsInfo() {
        assertThat(RequestLogging.levelOf("/agentx/v1/poll", 200)).isEqualTo(Level.INFO);
        assertThat(RequestLogging.levelOf("/ui/agent/v1/poll", 200)).isEqualTo(Level.INFO);
    }
}
