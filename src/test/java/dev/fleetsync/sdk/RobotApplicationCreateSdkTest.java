package dev.fleetsync.sdk;

import static dev.fleetsync.sdk.RobotApplications.GENERAL;
import static dev.fleetsync.sdk.RobotApplications.ROS_MELODIC;
import static dev.fleetsync.sdk.RobotApplications.assertInvalid;
import static dev.fleetsync.sdk.RobotApplications.source;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.Environment;
import software.amazon.awssdk.services.robomaker.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuite;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteVersionType;
import software.amazon.awssdk.services.robomaker.model.SourceConfig;

/** CreateRobotApplication through the official SDK and on the wire: what it answers, and the requests it rejects. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotApplicationCreateSdkTest extends ServiceTest {
    RobotApplications apps;

    @BeforeEach
    void client() {
        apps = new RobotApplications(robomaker);
    }

    @Test
    void createdApplicationIsLatestWithPlaceholderEtagsAndIsDescribedWithItsTags() throws Exception {
        String name = Sdk.unique("app");
        Instant before = clock.instant().minusSeconds(1);

        CreateRobotApplicationResponse created = robomaker.createRobotApplication(r -> r.name(name).robotSoftwareSuite(ROS_MELODIC)
                .sources(source("my-bucket", "app/x86.tar.gz", Architecture.X86_64), source("my-bucket", "app/arm.tar.gz", Architecture.ARM64))
                .tags(Map.of("team", "ops")));

        assertThat(created.arn()).matches("arn:aws:robomaker:us-west-2:123456789012:robot-application/" + name + "/\\d{13}");
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.revisionId()).matches("[0-9a-f-]{36}");
        assertThat(created.lastUpdatedAt()).isBetween(before, clock.instant().plusSeconds(1));
        assertThat(created.robotSoftwareSuite()).isEqualTo(ROS_MELODIC);
        assertThat(created.tags()).containsExactly(Map.entry("team", "ops"));
        assertThat(created.sources()).extracting(s -> s.architecture(), s -> s.etag())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Architecture.X86_64, md5("my-bucket/app/x86.tar.gz")),
                        org.assertj.core.groups.Tuple.tuple(Architecture.ARM64, md5("my-bucket/app/arm.tar.gz")));
        assertThat(created.environment()).isNull();
        DescribeRobotApplicationResponse described = robomaker.describeRobotApplication(r -> r.application(created.arn()));
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.version()).isEqualTo("$LATEST");
        assertThat(described.revisionId()).isEqualTo(created.revisionId());
        assertThat(described.lastUpdatedAt()).isEqualTo(created.lastUpdatedAt());
        assertThat(described.sources()).isEqualTo(created.sources());
        assertThat(described.tags()).containsExactly(Map.entry("team", "ops"));
        assertThat(described.imageDigest()).isNull();
    }

    @Test
    void containerApplicationKeepsItsImageUriAndHasNoSources() {
        String arn = apps.container(Sdk.unique("container")).arn();

        DescribeRobotApplicationResponse described = robomaker.describeRobotApplication(r -> r.application(arn).applicationVersion("$LATEST"));

        assertThat(described.environment().uri()).isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/app:latest");
        assertThat(described.sources()).isEmpty();
        assertThat(described.robotSoftwareSuite().name()).isEqualTo(RobotSoftwareSuiteType.GENERAL);
        assertThat(described.robotSoftwareSuite().version()).isNull();
    }

    @Test
    void wireUsesTheModelsMemberNamesAndLeavesAbsentMembersOut() {
        String name = Sdk.unique("wire");
        given().baseUri(endpoint.toString()).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"robotSoftwareSuite\":{\"name\":\"General\"},"
                        + "\"sources\":[{\"s3Bucket\":\"my-bucket\",\"s3Key\":\"k\",\"architecture\":\"ARMHF\"}]}")
                .when().post("/createRobotApplication")
                .then().statusCode(200)
                .body("version", equalTo("$LATEST"))
                .body("sources[0].etag", equalTo(md5("my-bucket/k")))
                .body("sources[0].architecture", equalTo("ARMHF"))
                .body("robotSoftwareSuite.name", equalTo("General"))
                .body("robotSoftwareSuite", not(hasKey("version")))
                .body("$", not(hasKey("environment")))
                .body("lastUpdatedAt", notNullValue());
    }

    @Test
    void duplicateNameIsResourceAlreadyExists() {
        String name = Sdk.unique("dup");
        apps.s3App(name);

        assertThatThrownBy(() -> apps.s3App(name)).isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException");
            assertThat(e.getMessage()).contains(name);
        });
    }

    @Test
    void sourcesAndEnvironmentTogetherAreRejected() {
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("both")).robotSoftwareSuite(GENERAL)
                .sources(source("my-bucket", "k", Architecture.X86_64)).environment(Environment.builder().uri("img").build())),
                "'sources' or 'environment'");
    }

    @Test
    void neitherSourcesNorEnvironmentIsRejected() {
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("none")).robotSoftwareSuite(GENERAL)),
                "'sources' or 'environment'");
    }

    @Test
    void twoSourcesForOneArchitectureAreRejected() {
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("arch")).robotSoftwareSuite(GENERAL)
                .sources(source("my-bucket", "a", Architecture.ARM64), source("my-bucket", "b", Architecture.ARM64))),
                "sources[1].architecture");
    }

    @Test
    void generalSuiteTakesNoVersion() {
        RobotSoftwareSuite generalFoxy = RobotSoftwareSuite.builder().name(RobotSoftwareSuiteType.GENERAL)
                .version(RobotSoftwareSuiteVersionType.FOXY).build();
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("gen")).robotSoftwareSuite(generalFoxy)
                .sources(source("my-bucket", "k", Architecture.X86_64))), "robotSoftwareSuite.version");
    }

    @Test
    void missingSuiteIsRejectedNamingTheField() {
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("nosuite"))
                .sources(source("my-bucket", "k", Architecture.X86_64))), "'robotSoftwareSuite'");
    }

    @Test
    void bucketOutsideTheS3PatternIsRejectedNamingTheField() {
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("bucket")).robotSoftwareSuite(GENERAL)
                .sources(source("My_Bucket", "k", Architecture.X86_64))), "sources[0].s3Bucket");
    }

    @Test
    void sourceWithoutKeyIsRejectedNamingTheField() {
        assertInvalid(() -> robomaker.createRobotApplication(r -> r.name(Sdk.unique("nokey")).robotSoftwareSuite(GENERAL)
                .sources(SourceConfig.builder().s3Bucket("my-bucket").architecture(Architecture.X86_64).build())), "sources[0].s3Key");
    }

    @Test
    void unknownArchitectureIsRejectedOnTheWire() {
        given().baseUri(endpoint.toString()).contentType("application/json")
                .body("{\"name\":\"" + Sdk.unique("wire") + "\",\"robotSoftwareSuite\":{\"name\":\"General\"},"
                        + "\"sources\":[{\"s3Bucket\":\"my-bucket\",\"s3Key\":\"k\",\"architecture\":\"SPARC\"}]}")
                .when().post("/createRobotApplication")
                .then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException")
                .body("message", org.hamcrest.Matchers.containsString("sources[0].architecture"));
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
