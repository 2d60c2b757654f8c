package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths skip the signature for the dashboard's session: only plain paths under /ui, never one that could route elsewhere. */
class DashboardPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/ui", "/ui/", "/ui/sign-in", "/ui/job/live", "/ui/static/dashboard.js"})
    void dashboardPaths(String path) {
        assertThat(RequestGate.isDashboard(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/createFleet", "/uix", "/uifoo/bar", "/ui/../createFleet", "/ui/./job", "/ui//job", "/ui/job/",
            "/ui/%2e%2e/createFleet", "/ui/job;x", "/UI/", "/agent/ui/", "/tags/ui/"})
    void everyOtherPathStillNeedsASignature(String path) {
        assertThat(RequestGate.isDashboard(path)).isFalse();
    }
}
