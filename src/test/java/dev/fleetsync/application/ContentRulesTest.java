package dev.fleetsync.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.Architecture;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentRulesTest {
    private static final SourceSpec X86 = new SourceSpec("my-bucket", "x86.tar.gz", Architecture.X86_64);
    private static final SourceSpec ARM = new SourceSpec("my-bucket", "arm.tar.gz", Architecture.ARM64);

    @Test
    void s3SourcesOnePerArchitecturePass() {
        ApplicationContent content = new ApplicationContent(SuiteName.ROS, SuiteVersion.Melodic, List.of(X86, ARM), null, false);
        assertThat(ContentRules.check(content)).isSameAs(content);
    }

    @Test
    void containerImageWithoutSourcesPasses() {
        ApplicationContent content = new ApplicationContent(SuiteName.General, null, null, "repo/app:1", true);
        assertThat(ContentRules.check(content).sources()).isEmpty();
    }

    @Test
    void sourcesAndEnvironmentTogetherFail() {
        assertInvalid(new ApplicationContent(SuiteName.General, null, List.of(X86), "repo/app:1", true), "'sources' or 'environment'");
    }

    @Test
    void neitherSourcesNorEnvironmentFails() {
        assertInvalid(new ApplicationContent(SuiteName.General, null, List.of(), null, false), "'sources' or 'environment'");
    }

    @Test
    void environmentWithoutUriFails() {
        assertInvalid(new ApplicationContent(SuiteName.General, null, List.of(), null, true), "'environment.uri'");
    }

    @Test
    void secondSourceOfAnArchitectureFailsNamingIt() {
        SourceSpec otherX86 = new SourceSpec("my-bucket", "other", Architecture.X86_64);
        assertInvalid(new ApplicationContent(SuiteName.General, null, List.of(X86, ARM, otherX86), null, false),
                "'sources[2].architecture'");
    }

    @Test
    void sourceMembersAreRequiredEachByName() {
        assertInvalid(content(new SourceSpec(null, "k", Architecture.ARMHF)), "'sources[0].s3Bucket'");
        assertInvalid(content(new SourceSpec("my-bucket", null, Architecture.ARMHF)), "'sources[0].s3Key'");
        assertInvalid(content(new SourceSpec("my-bucket", "k", null)), "'sources[0].architecture'");
        assertInvalid(content((SourceSpec) null), "'sources[0]'");
    }

    @Test
    void suiteNameIsRequired() {
        assertInvalid(new ApplicationContent(null, null, List.of(X86), null, false), "'robotSoftwareSuite.name'");
    }

    @Test
    void generalTakesNoVersion() {
        for (SuiteVersion version : SuiteVersion.values()) {
            assertInvalid(new ApplicationContent(SuiteName.General, version, List.of(X86), null, false), "General suite takes no version");
        }
    }

    @Test
    void rosVersionsBelongToTheirSuite() {
        assertThat(ContentRules.check(new ApplicationContent(SuiteName.ROS2, SuiteVersion.Foxy, List.of(X86), null, false))).isNotNull();
        assertThat(ContentRules.check(new ApplicationContent(SuiteName.ROS, null, List.of(X86), null, false))).isNotNull();
        assertInvalid(new ApplicationContent(SuiteName.ROS, SuiteVersion.Dashing, List.of(X86), null, false), "'robotSoftwareSuite.version'");
        assertInvalid(new ApplicationContent(SuiteName.ROS2, SuiteVersion.Kinetic, List.of(X86), null, false), "'robotSoftwareSuite.version'");
    }

    private static ApplicationContent content(SourceSpec... sources) {
        return new ApplicationContent(SuiteName.General, null, Arrays.asList(sources), null, false);
    }

    private static void assertInvalid(ApplicationContent content, String mentioned) {
        assertThatThrownBy(() -> ContentRules.check(content)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.error()).isEqualTo(ServiceError.INVALID_PARAMETER);
            assertThat(e.getMessage()).contains(mentioned);
        });
    }
}
