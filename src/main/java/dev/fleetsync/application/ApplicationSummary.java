package dev.fleetsync.application;

import java.time.Instant;

/**
 * One entry of ListRobotApplications. {@code version} is 0 for $LATEST; {@code createdAt} is the application's and,
 * with the ARN and version, orders the listing and forms its cursor.
 */
public record ApplicationSummary(Instant createdAt, String arn, int version, String name, SuiteName suiteName,
        SuiteVersion suiteVersion, Instant lastUpdatedAt) {

    public ApplicationCursor cursor() {
        return new ApplicationCursor(createdAt, arn, version);
    }
}
