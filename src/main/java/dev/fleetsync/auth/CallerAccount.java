package dev.fleetsync.auth;

import dev.fleetsync.config.FleetSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The account a request acts for. Until request signing lands every caller is the configured default account;
 * resources ask this bean, so the switch to signed principals changes no service.
 */
@ApplicationScoped
public class CallerAccount {
    private final FleetSyncConfig config;

    public CallerAccount(FleetSyncConfig config) {
        this.config = config;
    }

    public String accountId() {
        return config.defaultAccountId();
    }
}
