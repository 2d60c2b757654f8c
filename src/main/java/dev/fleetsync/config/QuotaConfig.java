package dev.fleetsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How many resources an account may have, under the {@code fleetsync.quota.} prefix. A call that would go over a quota
 * gets LimitExceededException. 0 allows none (an account can be frozen); there is no "unlimited", set a large value.
 */
@ConfigMapping(prefix = "fleetsync.quota")
public interface QuotaConfig {

    /** Deployment jobs an account may have Pending, Preparing or InProgress at once (the AWS quota: 20 concurrent jobs). */
    @WithDefault("20")
    int activeDeploymentJobs();

    /** Fleets per account (the AWS quota). */
    @WithDefault("20")
    int fleets();

    /** Robots per account. */
    @WithDefault("10000")
    int robots();

    /** Robots registered to one fleet. */
    @WithDefault("10000")
    int robotsPerFleet();

    /** Robot applications per account. */
    @WithDefault("40")
    int robotApplications();

    /** Numbered versions per robot application. */
    @WithDefault("40")
    int versionsPerApplication();

    /** Quotas of single accounts, keyed by account id; a quota left out takes the value above. */
    Map<String, Overrides> accounts();

    interface Overrides {
        OptionalInt activeDeploymentJobs();

        OptionalInt fleets();

        OptionalInt robots();

        OptionalInt robotsPerFleet();

        OptionalInt robotApplications();

        OptionalInt versionsPerApplication();
    }
}
