package dev.fleetsync.sdk;

import static dev.fleetsync.sdk.RobotApplications.GENERAL;
import static dev.fleetsync.sdk.RobotApplications.ROS_MELODIC;
import static dev.fleetsync.sdk.RobotApplications.assertInvalid;
import static dev.fleetsync.sdk.RobotApplications.assertNotFound;
import static dev.fleetsync.sdk.RobotApplications.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationVersionResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotApplicationResponse;

/** CreateRobotApplicationVersion through the official SDK: numbering, snapshots, and the pins (revision, etags, digest) it checks. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotApplicationVersionSdkTest extends ServiceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    RobotApplications apps;

    @BeforeEach
    void client() {
        apps = new RobotApplications(robomaker);
    }

    @Test
    void versionsAreNumberedOneTwoThree() {
        String arn = apps.s3App(Sdk.unique("num")).arn();

        List<String> numbers = IntStream.range(0, 3)
                .mapToObj(i -> robomaker.createRobotApplicationVersion(r -> r.application(arn)).version()).toList();

        assertThat(numbers).containsExactly("1", "2", "3");
    }

    /** A sync naming version 2 must never deploy other content than the version 2 that was deleted. */
    @Test
    void theNumberOfADeletedNewestVersionIsNeverGivenOutAgain() {
        String arn = apps.s3App(Sdk.unique("renum")).arn();
        robomaker.createRobotApplicationVersion(r -> r.application(arn));
        robomaker.createRobotApplicationVersion(r -> r.application(arn));

        robomaker.deleteRobotApplication(r -> r.application(arn).applicationVersion("2"));
        String next = robomaker.createRobotApplicationVersion(r -> r.application(arn)).version();

        assertThat(next).isEqualTo("3");
        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("2")), arn);
    }

    @Test
    void aVersionIsASnapshotThatLaterUpdatesDoNotChange() {
        CreateRobotApplicationResponse created = apps.s3App(Sdk.unique("snap"));
        CreateRobotApplicationVersionResponse v1 = robomaker.createRobotApplicationVersion(r -> r.application(created.arn())
                .currentRevisionId(created.revisionId()));
        robomaker.updateRobotApplication(r -> r.application(created.arn()).robotSoftwareSuite(GENERAL)
                .sources(source("my-bucket", "changed", Architecture.ARM64)));

        DescribeRobotApplicationResponse one = robomaker.describeRobotApplication(r -> r.application(created.arn()).applicationVersion("1"));

        assertThat(one.version()).isEqualTo("1");
        assertThat(one.sources()).isEqualTo(created.sources());
        assertThat(one.robotSoftwareSuite()).isEqualTo(ROS_MELODIC);
        assertThat(one.revisionId()).isEqualTo(created.revisionId()).isEqualTo(v1.revisionId());
        assertThat(one.lastUpdatedAt()).isEqualTo(v1.lastUpdatedAt());
        assertThat(one.tags()).containsExactly(Map.entry("stage", "test"));
        assertThat(robomaker.describeRobotApplication(r -> r.application(created.arn())).sources().get(0).s3Key()).isEqualTo("changed");
    }

    @Test
    void createVersionWithAStaleRevisionIsRejected() {
        CreateRobotApplicationResponse created = apps.s3App(Sdk.unique("vstale"));
        robomaker.updateRobotApplication(r -> r.application(created.arn()).robotSoftwareSuite(GENERAL)
                .sources(source("my-bucket", "v2", Architecture.X86_64)));

        assertInvalid(() -> robomaker.createRobotApplicationVersion(r -> r.application(created.arn())
                .currentRevisionId(created.revisionId())), "currentRevisionId");
        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(created.arn()).applicationVersion("1")), "1");
    }

    @Test
    void matchingS3EtagsPinTheVersionAndOthersAreRejected() {
        CreateRobotApplicationResponse created = apps.s3App(Sdk.unique("etag"));
        String etag = created.sources().get(0).etag();

        assertInvalid(() -> robomaker.createRobotApplicationVersion(r -> r.application(created.arn()).s3Etags("0123456789abcdef")),
                "s3Etags");
        assertThat(robomaker.createRobotApplicationVersion(r -> r.application(created.arn()).s3Etags(etag)).version()).isEqualTo("1");
    }

    @Test
    void imageDigestIsKeptOnAContainerVersion() {
        String arn = apps.container(Sdk.unique("digest")).arn();

        CreateRobotApplicationVersionResponse v1 = robomaker.createRobotApplicationVersion(r -> r.application(arn).imageDigest(DIGEST));

        assertThat(v1.environment().uri()).endsWith("app:latest");
        assertThat(robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion(v1.version())).imageDigest())
                .isEqualTo(DIGEST);
        assertThat(robomaker.describeRobotApplication(r -> r.application(arn)).imageDigest()).isNull();
    }

    @Test
    void imageDigestOfAnS3ApplicationIsRejected() {
        String arn = apps.s3App(Sdk.unique("s3digest")).arn();
        assertInvalid(() -> robomaker.createRobotApplicationVersion(r -> r.application(arn).imageDigest(DIGEST)), "imageDigest");
    }

    @Test
    void imageDigestOutsideItsPatternIsRejected() {
        String arn = apps.container(Sdk.unique("baddigest")).arn();
        assertInvalid(() -> robomaker.createRobotApplicationVersion(r -> r.application(arn).imageDigest("md5:1234")), "'imageDigest'");
    }

    @Test
    void versionOfAnUnknownApplicationIsNotFound() {
        String arn = "arn:aws:robomaker:us-west-2:123456789012:robot-application/" + Sdk.unique("ghost") + "/1551201873931";
        assertNotFound(() -> robomaker.createRobotApplicationVersion(r -> r.application(arn)), arn);
    }
}
