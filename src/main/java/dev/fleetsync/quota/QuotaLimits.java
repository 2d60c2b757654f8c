package dev.fleetsync.quota;

import dev.fleetsync.config.QuotaConfig;
import dev.fleetsync.config.QuotaConfig.Overrides;
import java.util.OptionalInt;

/** The limit in force for an account and a quota, with the configuration key it comes from (named in messages). */
final class QuotaLimits {
    private static final String PREFIX = "fleetsync.quota.";

    record Limit(int value, String key) {
    }

    private final QuotaConfig config;

    QuotaLimits(QuotaConfig config) {
        this.config = config;
        for (Quota quota : Quota.values()) {
            requireNotNegative(PREFIX + quota.key(), defaultOf(quota));
        }
        config.accounts().forEach((account, overrides) -> {
            for (Quota quota : Quota.values()) {
                overrideOf(overrides, quota).ifPresent(v -> requireNotNegative(accountKey(account, quota), v));
            }
        });
    }

    Limit of(String accountId, Quota quota) {
        Overrides overrides = config.accounts().get(accountId);
        OptionalInt override = overrides == null ? OptionalInt.empty() : overrideOf(overrides, quota);
        return override.isPresent() ? new Limit(override.getAsInt(), accountKey(accountId, quota))
                : new Limit(defaultOf(quota), PREFIX + quota.key());
    }

    private int defaultOf(Quota quota) {
        return switch (quota) {
            case ACTIVE_DEPLOYMENT_JOBS -> config.activeDeploymentJobs();
            case FLEETS -> config.fleets();
            case ROBOTS -> config.robots();
            case ROBOTS_PER_FLEET -> config.robotsPerFleet();
            case ROBOT_APPLICATIONS -> config.robotApplications();
            case VERSIONS_PER_APPLICATION -> config.versionsPerApplication();
        };
    }

    private static OptionalInt overrideOf(Overrides overrides, Quota quota) {
        return switch (quota) {
            case ACTIVE_DEPLOYMENT_JOBS -> overrides.activeDeploymentJobs();
            case FLEETS -> overrides.fleets();
            case ROBOTS -> overrides.robots();
            case ROBOTS_PER_FLEET -> overrides.robotsPerFleet();
            case ROBOT_APPLICATIONS -> overrides.robotApplications();
            case VERSIONS_PER_APPLICATION -> overrides.versionsPerApplication();
        };
    }

    private static String accountKey(String accountId, Quota quota) {
        return PREFIX + "accounts.\"" + accountId + "\"." + quota.key();
    }

    private static void requireNotNegative(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " must be 0 or more, not " + value);
        }
    }
}
