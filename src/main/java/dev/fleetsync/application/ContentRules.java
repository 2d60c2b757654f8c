package dev.fleetsync.application;

import dev.fleetsync.common.Architecture;
import dev.fleetsync.common.Validation;
import dev.fleetsync.common.ServiceException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules on an application's content that the model's member constraints cannot express. Every failure is an
 * InvalidParameterException naming the member at fault.
 */
public final class ContentRules {
    private static final Map<SuiteName, Set<SuiteVersion>> VERSIONS_OF = new EnumMap<>(Map.of(
            SuiteName.ROS, Set.of(SuiteVersion.Kinetic, SuiteVersion.Melodic),
            SuiteName.ROS2, Set.of(SuiteVersion.Dashing, SuiteVersion.Foxy),
            SuiteName.General, Set.of()));

    private ContentRules() {
    }

    public static ApplicationContent check(ApplicationContent content) {
        checkSuite(content.suiteName(), content.suiteVersion());
        boolean hasSources = !content.sources().isEmpty();
        if (hasSources == content.environmentGiven()) {
            throw ServiceException.invalid("Exactly one of 'sources' or 'environment' must be given: sources for S3 bundles, "
                    + "environment.uri for a container image");
        }
        if (content.environmentGiven() && content.environmentUri() == null) {
            throw missing("environment.uri");
        }
        checkSources(content.sources());
        return content;
    }

    private static void checkSuite(SuiteName name, SuiteVersion version) {
        if (name == null) {
            throw missing("robotSoftwareSuite.name");
        }
        if (version != null && !VERSIONS_OF.get(name).contains(version)) {
            throw Validation.invalid("robotSoftwareSuite.version", version, (name == SuiteName.General
                            ? "the General suite takes no version"
                            : "a " + name + " suite version must be one of " + VERSIONS_OF.get(name).stream().sorted().toList()));
        }
    }

    private static void checkSources(List<SourceSpec> sources) {
        Set<Architecture> seen = java.util.EnumSet.noneOf(Architecture.class);
        for (int i = 0; i < sources.size(); i++) {
            SourceSpec source = sources.get(i);
            String at = "sources[" + i + "]";
            if (source == null) {
                throw missing(at);
            }
            if (source.s3Bucket() == null) {
                throw missing(at + ".s3Bucket");
            }
            if (source.s3Key() == null) {
                throw missing(at + ".s3Key");
            }
            if (source.architecture() == null) {
                throw missing(at + ".architecture");
            }
            if (!seen.add(source.architecture())) {
                throw Validation.invalid(at + ".architecture", source.architecture(), "at most one source per architecture");
            }
        }
    }

    private static ServiceException missing(String member) {
        return Validation.invalid(member, null, "Member must not be null");
    }
}
