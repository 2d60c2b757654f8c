package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked-in deploy/base/generated/kubernetes.yml is what this build generates (compared as objects: key order varies). */
class GeneratedManifestsIT {
    private static final Path BUILT = Path.of("target/kubernetes/kubernetes.yml");

    @Test
    void theCheckedInManifestsAreTheGeneratedOnes() {
        assertThat(sorted(Manifests.parse(Manifests.GENERATED)))
                .as("%s is stale: cp %s %s and commit it", Manifests.GENERATED, BUILT, Manifests.GENERATED)
                .isEqualTo(sorted(Manifests.parse(BUILT)));
    }

    private static List<HasMetadata> sorted(List<HasMetadata> objects) {
        return objects.stream().sorted(Comparator.comparing((HasMetadata o) -> o.getKind()).thenComparing(o -> o.getMetadata().getName()))
                .toList();
    }
}
