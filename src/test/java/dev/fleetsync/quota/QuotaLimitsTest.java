package dev.fleetsync.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.config.QuotaConfig;
import dev.fleetsync.quota.QuotaLimits.Limit;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which limit applies to an account, read through SmallRye Config as the service reads it (no %test values here). */
class QuotaLimitsTest {

    @Test
    void withNothingConfiguredTheDefaultsApply() {
        QuotaLimits limits = new QuotaLimits(config(Map.of()));

        assertThat(limits.of("111111111111", Quota.ACTIVE_DEPLOYMENT_JOBS))
                .isEqualTo(new Limit(20, "fleetsync.quota.active-deployment-jobs"));
        assertThat(limits.of("111111111111", Quota.FLEETS)).isEqualTo(new Limit(20, "fleetsync.quota.fleets"));
        assertThat(limits.of("111111111111", Quota.ROBOTS).value()).isEqualTo(10_000);
        assertThat(limits.of("111111111111", Quota.ROBOTS_PER_FLEET).value()).isEqualTo(10_000);
        assertThat(limits.of("111111111111", Quota.ROBOT_APPLICATIONS).value()).isEqualTo(40);
        assertThat(limits.of("111111111111", Quota.VERSIONS_PER_APPLICATION).value()).isEqualTo(40);
    }

    @Test
    void anAccountsOverrideAppliesToThatAccountAndQuotaOnly() {
        QuotaLimits limits = new QuotaLimits(config(Map.of("fleetsync.quota.fleets", "30",
                "fleetsync.quota.accounts.\"111111111111\".fleets", "0")));

        assertThat(limits.of("111111111111", Quota.FLEETS)).isEqualTo(new Limit(0, "fleetsync.quota.accounts.\"111111111111\".fleets"));
        assertThat(limits.of("111111111111", Quota.ROBOTS).value()).isEqualTo(10_000);
        assertThat(limits.of("222222222222", Quota.FLEETS)).isEqualTo(new Limit(30, "fleetsync.quota.fleets"));
    }

    @Test
    void aNegativeQuotaIsRefused() {
        assertThatThrownBy(() -> new QuotaLimits(config(Map.of("fleetsync.quota.accounts.\"111111111111\".robots", "-1"))))
                .hasMessageContaining("fleetsync.quota.accounts.\"111111111111\".robots must be 0 or more");
    }

    private static QuotaConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(QuotaConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build().getConfigMapping(QuotaConfig.class);
    }
}
