package dev.fleetsync.sdk;

import static dev.fleetsync.sdk.RobotApplications.GENERAL;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.RobotApplicationSummary;
import software.amazon.awssdk.services.robomaker.model.UpdateRobotApplicationResponse;

/** UpdateRobotApplication, DeleteRobotApplication and the ARNs and versions DescribeRobotApplication does not find, through the SDK. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotApplicationUpdateDeleteSdkTest extends ServiceTest {
    RobotApplications apps;

    @BeforeEach
    void client() {
        apps = new RobotApplications(robomaker);
    }

    // ---- UpdateRobotApplication ----

    @Test
    void updateChangesLatestAndIssuesANewRevision() {
        CreateRobotApplicationResponse created = apps.s3App(Sdk.unique("upd"));

        UpdateRobotApplicationResponse updated = robomaker.updateRobotApplication(r -> r.application(created.arn())
                .currentRevisionId(created.revisionId()).robotSoftwareSuite(GENERAL)
                .sources(source("other-bucket", "v2.tar.gz", Architecture.ARMHF)));

        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
        assertThat(updated.version()).isEqualTo("$LATEST");
        assertThat(updated.lastUpdatedAt()).isAfterOrEqualTo(created.lastUpdatedAt());
        DescribeRobotApplicationResponse described = robomaker.describeRobotApplication(r -> r.application(created.arn()));
        assertThat(described.revisionId()).isEqualTo(updated.revisionId());
        assertThat(described.robotSoftwareSuite()).isEqualTo(GENERAL);
        assertThat(described.sources()).singleElement().satisfies(s -> {
            assertThat(s.s3Bucket()).isEqualTo("other-bucket");
            assertThat(s.architecture()).isEqualTo(Architecture.ARMHF);
        });
    }

    @Test
    void updateWithAStaleRevisionIsRejectedAndChangesNothing() {
        CreateRobotApplicationResponse created = apps.s3App(Sdk.unique("stale"));
        robomaker.updateRobotApplication(r -> r.application(created.arn()).robotSoftwareSuite(GENERAL)
                .sources(source("my-bucket", "v2", Architecture.X86_64)));

        assertInvalid(() -> robomaker.updateRobotApplication(r -> r.application(created.arn()).currentRevisionId(created.revisionId())
                .robotSoftwareSuite(GENERAL).sources(source("my-bucket", "v3", Architecture.X86_64))), "currentRevisionId");
        assertThat(robomaker.describeRobotApplication(r -> r.application(created.arn())).sources().get(0).s3Key()).isEqualTo("v2");
    }

    @Test
    void updateOfAnUnknownApplicationIsNotFound() {
        String arn = "arn:aws:robomaker:us-west-2:123456789012:robot-application/" + Sdk.unique("ghost") + "/1551201873931";
        assertNotFound(() -> robomaker.updateRobotApplication(r -> r.application(arn).robotSoftwareSuite(GENERAL)
                .sources(source("my-bucket", "k", Architecture.X86_64))), arn);
    }

    // ---- DescribeRobotApplication / DeleteRobotApplication ----

    @Test
    void unknownVersionOrApplicationIsNotFound() {
        String arn = apps.s3App(Sdk.unique("desc")).arn();
        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("7")), "7");
        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("99999999999")), "99999999999");
        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn + "0")), arn + "0");
    }

    @Test
    void anotherAccountsArnIsNotFound() {
        String arn = apps.s3App(Sdk.unique("acct")).arn();
        String foreign = arn.replace(":123456789012:", ":210987654321:");
        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(foreign)), foreign);
        assertNotFound(() -> robomaker.deleteRobotApplication(r -> r.application(foreign)), foreign);
    }

    @Test
    void versionOutsideTheVersionPatternIsRejected() {
        String arn = apps.s3App(Sdk.unique("vpat")).arn();
        assertInvalid(() -> robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("latest")), "'applicationVersion'");
    }

    @Test
    void deletingOneVersionKeepsTheApplicationAndItsOtherVersions() {
        String name = Sdk.unique("delv");
        String arn = apps.s3AppWithVersions(name, 2);

        robomaker.deleteRobotApplication(r -> r.application(arn).applicationVersion("1"));

        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("1")), "1");
        assertThat(robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("2")).version()).isEqualTo("2");
        assertThat(apps.listAll(name, true)).extracting(RobotApplicationSummary::version).containsExactly("$LATEST", "2");
        assertNotFound(() -> robomaker.deleteRobotApplication(r -> r.application(arn).applicationVersion("1")), "1");
    }

    @Test
    void deletingWithoutAVersionRemovesTheApplicationItsVersionsAndItsTags() {
        String name = Sdk.unique("delall");
        String arn = apps.s3AppWithVersions(name, 1);

        robomaker.deleteRobotApplication(r -> r.application(arn));

        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn)), arn);
        assertThat(seed.count("select count(*) from robot_application_version where application_arn = $1", arn)).isZero();
        assertThat(seed.count("select count(*) from resource_tag where resource_arn = $1", arn)).isZero();
        assertThat(apps.listAll(name, true)).isEmpty();
        assertNotFound(() -> robomaker.deleteRobotApplication(r -> r.application(arn)), arn);
    }

    @Test
    void deletingLatestDeletesTheWholeApplication() {
        String arn = apps.s3AppWithVersions(Sdk.unique("dellatest"), 1);

        robomaker.deleteRobotApplication(r -> r.application(arn).applicationVersion("$LATEST"));

        assertNotFound(() -> robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("1")), arn);
    }
}
