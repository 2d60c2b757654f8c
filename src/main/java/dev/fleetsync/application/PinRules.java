package dev.fleetsync.application;

import dev.fleetsync.common.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content pins of CreateRobotApplicationVersion: {@code s3Etags} must be exactly the etags of the sources being
 * snapshotted (in any order), and {@code imageDigest} only fits a container application.
 */
final class PinRules {
    private PinRules() {
    }

    static void check(RobotApplication head, List<ApplicationSource> sources, List<String> s3Etags, String imageDigest) {
        if (s3Etags != null && !s3Etags.isEmpty()) {
            Set<String> expected = new HashSet<>(sources.stream().map(ApplicationSource::etag).toList());
            if (sources.isEmpty() || !expected.equals(new HashSet<>(s3Etags)) || s3Etags.size() != sources.size()) {
                throw Validation.invalidMember("s3Etags", "must be the etags of the sources of " + head.arn + " "
                        + expected.stream().sorted().toList());
            }
        }
        if (imageDigest != null && head.environmentUri == null) {
            throw Validation.invalid("imageDigest", imageDigest,
                    "only an application with an environment (container image) takes an imageDigest");
        }
    }
}
