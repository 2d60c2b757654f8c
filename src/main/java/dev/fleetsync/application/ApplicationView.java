package dev.fleetsync.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a robot application as the operations show it: $LATEST or a numbered snapshot.
 * {@code version} is the wire form ("$LATEST", "1", ...); {@code tags} are the application's, or null where not shown.
 */
public record ApplicationView(String arn, String name, String version, SuiteName suiteName, SuiteVersion suiteVersion,
        List<ApplicationSource> sources, String environmentUri, String imageDigest, String revisionId, Instant lastUpdatedAt,
        Map<String, String> tags) {

    static ApplicationView of(RobotApplication head, Map<String, String> tags) {
        return new ApplicationView(head.arn, head.name, VersionRef.LATEST, head.suiteName, head.suiteVersion,
                SourcesJson.read(head.sources), head.environmentUri, null, head.revisionId, head.lastUpdatedAt, tags);
    }

    static ApplicationView of(RobotApplication head, RobotApplicationVersion version, Map<String, String> tags) {
        return new ApplicationView(head.arn, head.name, VersionRef.wire(version.version), version.suiteName, version.suiteVersion,
                SourcesJson.read(version.sources), version.environmentUri, version.imageDigest, version.revisionId,
                version.createdAt, tags);
    }
}
