package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.ServiceException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    @Test
    void anHttpsUrlWithAPortAndQueryIsKept() {
        assertThat(WebhookRules.url("https://hooks.example.com:8443/in?x=1")).isEqualTo("https://hooks.example.com:8443/in?x=1");
    }

    @Test
    void userInfoRelativeOtherSchemesFragmentsAndOverlongUrlsAreRefusedNamingUrl() {
        for (String bad : List.of("https://user:pw@example.com/", "/relative", "ftp://example.com/", "http:///nohost",
                "https://example.com/#frag", "", "https://example.com/" + "a".repeat(2048), "http://exa mple.com/")) {
            assertThatThrownBy(() -> WebhookRules.url(bad)).as(bad).isInstanceOf(ServiceException.class).hasMessageContaining("at 'url'");
        }
    }

    @Test
    void eventTypesAreExactNamesWithoutRepeats() {
        assertThat(WebhookRules.eventTypes(List.of("RobotDeploymentFinished", "FleetDeleted", "RobotDeploymentFinished")))
                .isEqualTo("RobotDeploymentFinished,FleetDeleted");
        assertThat(WebhookRules.eventTypes(null)).isEmpty();
        assertThat(WebhookRules.eventTypeList("")).isEmpty();
    }

    @Test
    void aWronglyCasedOrNullEventTypeIsRefusedAtItsIndex() {
        assertThatThrownBy(() -> WebhookRules.eventTypes(List.of("FleetDeleted", "fleetdeleted")))
                .hasMessageContaining("at 'eventTypes[1]'");
        assertThatThrownBy(() -> WebhookRules.eventTypes(Arrays.asList((String) null))).hasMessageContaining("at 'eventTypes[0]'");
    }
}
