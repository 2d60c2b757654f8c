package dev.fleetsync.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationRequest;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.Environment;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.robomaker.model.RobotApplicationSummary;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuite;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteVersionType;
import software.amazon.awssdk.services.robomaker.model.SourceConfig;

/** What the RobotApplication*SdkTest classes share: applications made one way, listed one way, and the errors they expect. */
final class RobotApplications {
    static final RobotSoftwareSuite GENERAL = RobotSoftwareSuite.builder().name(RobotSoftwareSuiteType.GENERAL).build();
    static final RobotSoftwareSuite ROS_MELODIC = RobotSoftwareSuite.builder().name(RobotSoftwareSuiteType.ROS)
            .version(RobotSoftwareSuiteVersionType.MELODIC).build();

    private final RoboMakerClient robomaker;

    RobotApplications(RoboMakerClient robomaker) {
        this.robomaker = robomaker;
    }

    /** A ROS Melodic application with one X86_64 source and the tag stage=test. */
    CreateRobotApplicationResponse s3App(String name) {
        return robomaker.createRobotApplication(r -> r.name(name).robotSoftwareSuite(ROS_MELODIC)
                .sources(source("my-bucket", name + ".tar.gz", Architecture.X86_64)).tags(Map.of("stage", "test")));
    }

    /** An {@link #s3App} with {@code versions} numbered versions (1, 2, ...) snapshotted from it; returns its ARN. */
    String s3AppWithVersions(String name, int versions) {
        String arn = s3App(name).arn();
        for (int i = 0; i < versions; i++) {
            robomaker.createRobotApplicationVersion(r -> r.application(arn));
        }
        return arn;
    }

    /** A General application run from a container image instead of sources. */
    CreateRobotApplicationResponse container(String name) {
        return robomaker.createRobotApplication(CreateRobotApplicationRequest.builder().name(name).robotSoftwareSuite(GENERAL)
                .environment(Environment.builder().uri("123456789012.dkr.ecr.us-west-2.amazonaws.com/app:latest").build()).build());
    }

    /** Every summary for the name, all pages of it. */
    List<RobotApplicationSummary> listAll(String name, boolean allVersions) {
        return robomaker.listRobotApplicationsPaginator(r -> {
            r.maxResults(2).filters(Filter.builder().name("name").values(name).build());
            if (allVersions) {
                r.versionQualifier("ALL");
            }
        }).robotApplicationSummaries().stream().toList();
    }

    static SourceConfig source(String bucket, String key, Architecture architecture) {
        return SourceConfig.builder().s3Bucket(bucket).s3Key(key).architecture(architecture).build();
    }

    static void assertInvalid(Runnable call, String mentioned) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(mentioned);
        });
    }

    static void assertNotFound(Runnable call, String mentioned) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(mentioned);
        });
    }
}
