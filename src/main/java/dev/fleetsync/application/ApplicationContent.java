package dev.fleetsync.application;

import java.util.List;

/**
 * What CreateRobotApplication and UpdateRobotApplication set on $LATEST: the suite, and either S3 sources or a
 * container image. {@code sources} is never null (empty when none were given); check with {@link ContentRules}.
 */
public record ApplicationContent(SuiteName suiteName, SuiteVersion suiteVersion, List<SourceSpec> sources, String environmentUri,
        boolean environmentGiven) {

    public ApplicationContent {
        sources = sources == null ? List.of() : sources;
    }
}
