package dev.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ListRobotApplicationsRequest;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteVersionType;
import software.amazon.awssdk.services.robomaker.model.SourceConfig;

/** With a bundle store configured, sources carry the objects' real ETags, read when they are recorded. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BundleStoreResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RecordedEtagTest extends ServiceTest {
    String bucket;

    @BeforeEach
    void bucket() {
        bucket = Sdk.unique("etags");
    }

    @Test
    void createRecordsTheObjectsEtag() {
        String etag = Bundles.put(bucket, "app/x86.tar.gz", bytes("one"));

        var created = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app")).robotSoftwareSuite(ros2())
                .sources(source("app/x86.tar.gz", Architecture.X86_64)));

        assertThat(created.sources().get(0).etag()).isEqualTo(etag).isEqualTo(Bundles.md5(bytes("one")));
    }

    @Test
    void aMissingObjectIsAnInvalidParameterNamingTheSourceAndCreatesNothing() {
        Bundles.put(bucket, "present.tar.gz", bytes("here"));
        String name = Sdk.unique("app");

        assertThatThrownBy(() -> robomaker.createRobotApplication(r -> r.name(name).robotSoftwareSuite(ros2())
                .sources(source("present.tar.gz", Architecture.X86_64), source("absent.tar.gz", Architecture.ARM64))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'sources[1].s3Key'", "absent.tar.gz"));
        assertThat(robomaker.listRobotApplications(ListRobotApplicationsRequest.builder().build()).robotApplicationSummaries())
                .noneMatch(s -> s.name().equals(name));
    }

    @Test
    void aVersionSnapshotsTheEtagTheStoreHoldsWhenItIsCreated() {
        Bundles.put(bucket, "app.tar.gz", bytes("first"));
        String arn = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app")).robotSoftwareSuite(ros2())
                .sources(source("app.tar.gz", Architecture.X86_64))).arn();
        String second = Bundles.put(bucket, "app.tar.gz", bytes("second"));

        var version = robomaker.createRobotApplicationVersion(r -> r.application(arn).s3Etags(second));

        assertThat(version.sources().get(0).etag()).isEqualTo(second);
    }

    @Test
    void aPinnedEtagTheStoreNoLongerHoldsIsRefused() {
        String first = Bundles.put(bucket, "app.tar.gz", bytes("first"));
        String arn = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app")).robotSoftwareSuite(ros2())
                .sources(source("app.tar.gz", Architecture.X86_64))).arn();
        Bundles.put(bucket, "app.tar.gz", bytes("changed"));

        assertThatThrownBy(() -> robomaker.createRobotApplicationVersion(r -> r.application(arn).s3Etags(first)))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'s3Etags'"));
    }

    @Test
    void anUpdateToAMissingObjectNamesItAndKeepsTheSources() {
        String etag = Bundles.put(bucket, "app.tar.gz", bytes("kept"));
        String arn = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app")).robotSoftwareSuite(ros2())
                .sources(source("app.tar.gz", Architecture.X86_64))).arn();

        assertThatThrownBy(() -> robomaker.updateRobotApplication(r -> r.application(arn).robotSoftwareSuite(ros2())
                .sources(source("gone.tar.gz", Architecture.X86_64))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'sources[0].s3Key'"));
        assertThat(robomaker.describeRobotApplication(r -> r.application(arn)).sources().get(0).etag()).isEqualTo(etag);
    }

    @Test
    void aDownloadConditionFileWithoutAnEtagGetsTheStoresAndAMissingOneIsRefused() {
        Scenario scenario = new Scenario(endpoint, robomaker, new Agents());
        scenario.robot(Architecture.X86_64);
        String application = scenario.application("app.tar.gz", Scenario.bundle("v1"));
        String etag = Bundles.put(scenario.bucket, "check.sh", bytes("#!/bin/sh\nexit 0\n"));

        String job = scenario.deploy(application, "1", java.util.Map.of(), c -> c.downloadConditionFile(f -> f.bucket(scenario.bucket).key("check.sh")));

        assertThat(scenario.describe(job).deploymentConfig().downloadConditionFile().etag()).isEqualTo(etag);
        scenario.sdk.cancelDeploymentJob(r -> r.job(job));
        assertThatThrownBy(() -> scenario.deploy(application, "1", java.util.Map.of(),
                c -> c.downloadConditionFile(f -> f.bucket(scenario.bucket).key("absent.sh"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'deploymentConfig.downloadConditionFile.key'", "absent.sh"));
    }

    private SourceConfig source(String key, Architecture architecture) {
        return SourceConfig.builder().s3Bucket(bucket).s3Key(key).architecture(architecture).build();
    }

    private static software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuite ros2() {
        return software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuite.builder()
                .name(RobotSoftwareSuiteType.ROS2).version(RobotSoftwareSuiteVersionType.FOXY).build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
