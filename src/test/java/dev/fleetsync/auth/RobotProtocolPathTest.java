package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths draw on the robots' bucket: only plain paths under /agent/, never one that could route to the API. */
class RobotProtocolPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/agent/v1/poll", "/agent/v1/report", "/agent/v2/anything"})
    void robotProtocolPaths(String path) {
        assertThat(RequestGate.isRobotProtocol(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/createFleet", "/agent", "/agentx/v1/poll", "/agent/../createFleet", "/agent/v1/../../createFleet",
            "/agent/./v1/poll", "/agent//v1/poll", "/agent/v1/poll/", "/agent/%2e%2e/createFleet", "/agent/v1;x/poll",
            "/tags/agent/v1/poll", "/Agent/v1/poll"})
    void everyOtherPathIsAnApiCall(String path) {
        assertThat(RequestGate.isRobotProtocol(path)).isFalse();
    }
}
