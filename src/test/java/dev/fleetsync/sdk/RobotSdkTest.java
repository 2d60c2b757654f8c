package dev.fleetsync.sdk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.fleetsync.robot.RobotRows;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateRobotResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotResponse;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** CreateRobot, DescribeRobot and DeleteRobot through the official SDK (membership and listing: the sibling tests). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotSdkTest extends ServiceTest {
    private static final String ACCOUNT = "123456789012";

    RobotRows rows;

    @BeforeEach
    void client() {
        rows = new RobotRows(pool);
    }

    @Test
    void createdRobotIsAvailableWithoutFleetAndDescribedWithItsTags() {
        String name = Sdk.unique("robot");
        String group = UUID.randomUUID().toString();
        Instant before = clock.instant().minusSeconds(1);

        CreateRobotResponse created = robomaker.createRobot(r -> r.name(name).architecture(Architecture.ARM64)
                .greengrassGroupId(group).tags(Map.of("team", "ops")));

        assertThat(created.arn()).matches("arn:aws:robomaker:us-west-2:" + ACCOUNT + ":robot/" + name + "/\\d{13}");
        assertThat(created.createdAt()).isBetween(before, clock.instant().plus(Duration.ofSeconds(1)));
        assertThat(created.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(created.greengrassGroupId()).isEqualTo(group);
        assertThat(created.tags()).containsExactly(Map.entry("team", "ops"));
        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(created.arn()));
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.status()).isEqualTo(RobotStatus.AVAILABLE);
        assertThat(described.fleetArn()).isNull();
        assertThat(described.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(described.greengrassGroupId()).isEqualTo(group);
        assertThat(described.createdAt()).isEqualTo(created.createdAt());
        assertThat(described.tags()).containsExactly(Map.entry("team", "ops"));
        assertThat(described.lastDeploymentJob()).isNull();
    }

    @Test
    void sameNameTwiceMakesTwoRobots() {
        String name = Sdk.unique("twin");

        String first = createRobot(name, UUID.randomUUID().toString());
        String second = createRobot(name, UUID.randomUUID().toString());

        assertThat(first).isNotEqualTo(second);
        assertThat(robomaker.describeRobot(r -> r.robot(first)).name()).isEqualTo(name);
        assertThat(robomaker.describeRobot(r -> r.robot(second)).name()).isEqualTo(name);
    }

    @Test
    void secondRobotOnTheSameGreengrassGroupIsResourceAlreadyExists() {
        String group = UUID.randomUUID().toString();
        createRobot(Sdk.unique("first"), group);

        assertThatThrownBy(() -> createRobot(Sdk.unique("second"), group))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains(group);
                });
        assertThat(rows.count("select count(*) from robot where greengrass_group_id = $1", group)).isEqualTo(1);
    }

    @Test
    void greengrassGroupOfAnotherAccountDoesNotClash() {
        String group = UUID.randomUUID().toString();
        rows.insertRobot(RobotRows.OTHER_ACCOUNT, null, group);

        String arn = createRobot(Sdk.unique("mine"), group);

        assertThat(robomaker.describeRobot(r -> r.robot(arn)).greengrassGroupId()).isEqualTo(group);
    }

    @Test
    void parallelCreatesOnOneGreengrassGroupLetExactlyOneRobotIn() throws Exception {
        String group = UUID.randomUUID().toString();
        int callers = 16;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                RoboMakerClient client = signedAs(Sdk.ACCESS_KEY, Sdk.SECRET); // a connection of its own per caller
                String name = Sdk.unique("racer");
                Callable<String> call = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        client.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(group));
                        return "created";
                    } catch (RoboMakerException e) {
                        return e.awsErrorDetails().errorCode();
                    }
                };
                outcomes.add(threads.submit(call));
            }
            Map<String, Integer> tally = new HashMap<>();
            for (Future<String> outcome : outcomes) {
                tally.merge(outcome.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }

            assertThat(tally).containsOnly(Map.entry("created", 1), Map.entry("ResourceAlreadyExistsException", 15));
            assertThat(rows.count("select count(*) from robot where greengrass_group_id = $1", group)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void unknownArchitectureIsInvalidParameterNamingTheMember() {
        String group = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON)
                .body(Map.of("name", Sdk.unique("arch"), "architecture", "RISCV", "greengrassGroupId", group))
                .post("/createRobot")
                .then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException")
                .body("message", containsString("'architecture'"))
                .body("message", containsString("enum value set: [X86_64, ARM64, ARMHF]"));
        assertThat(rows.count("select count(*) from robot where greengrass_group_id = $1", group)).isZero();
    }

    @Test
    void missingRequiredMembersAreNamed() {
        assertThatThrownBy(() -> robomaker.createRobot(r -> r.name(Sdk.unique("bare"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("2 validation errors").contains("'architecture'").contains("'greengrassGroupId'"));
    }

    @Test
    void rejectedCreateLeavesNothingBehind() {
        String group = UUID.randomUUID().toString();

        assertThatThrownBy(() -> robomaker.createRobot(r -> r.name(Sdk.unique("tagged")).architecture(Architecture.ARMHF)
                .greengrassGroupId(group).tags(Map.of("bad{key}", "v"))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("tags[bad{key}]"));

        assertThat(rows.count("select count(*) from robot where greengrass_group_id = $1", group)).isZero();
    }

    @Test
    void invalidNameAndOversizeGroupIdAreRejectedNamingTheFields() {
        assertThatThrownBy(() -> robomaker.createRobot(r -> r.name("has space").architecture(Architecture.X86_64)
                .greengrassGroupId("g".repeat(1225))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'name'").contains("regular expression")
                        .contains("'greengrassGroupId'").contains("length between 1 and 1224"));
    }

    @Test
    void describeSpellsGreengrassGroupIdInLowerCase() {
        String group = UUID.randomUUID().toString();
        String arn = createRobot(Sdk.unique("wire"), group);

        given().contentType(ContentType.JSON).body(Map.of("robot", arn))
                .post("/describeRobot")
                .then().statusCode(200)
                .body("greengrassGroupId", equalTo(group))
                .body("$", not(hasKey("greenGrassGroupId")))
                .body("$", not(hasKey("fleetArn")))
                .body("status", equalTo("Available"));
    }

    @Test
    void describeOfAnUnknownOrForeignRobotIsNotFound() {
        String unknown = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":robot/nobody/1";
        String foreign = rows.insertRobot(RobotRows.OTHER_ACCOUNT, null, UUID.randomUUID().toString());

        for (String arn : List.of(unknown, foreign)) {
            assertThatThrownBy(() -> robomaker.describeRobot(r -> r.robot(arn)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains(arn);
                    });
        }
    }

    @Test
    void describeWithSomethingThatIsNotAnArnIsInvalid() {
        assertThatThrownBy(() -> robomaker.describeRobot(r -> r.robot("robot/x")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'robot'").contains("arn:.*"));
    }

    @Test
    void deleteRemovesRegisteredRobotAndItsTagsButKeepsItsDeploymentHistory() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("fleet"))).arn();
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("doomed")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString()).tags(Map.of("k", "v"))).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        String job = rows.insertDeploymentOf(ACCOUNT, fleet, robot);

        robomaker.deleteRobot(r -> r.robot(robot));

        assertThatThrownBy(() -> robomaker.describeRobot(r -> r.robot(robot))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).robots()).isEmpty();
        assertThat(rows.count("select count(*) from resource_tag where resource_arn = $1", robot)).isZero();
        assertThat(rows.count("select count(*) from robot_deployment where job_arn = $1 and robot_arn = $2", job, robot)).isEqualTo(1);
    }

    @Test
    void deleteOfAnUnknownOrForeignRobotIsNotFound() {
        String unknown = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":robot/nobody/2";
        String foreign = rows.insertRobot(RobotRows.OTHER_ACCOUNT, null, UUID.randomUUID().toString());

        for (String arn : List.of(unknown, foreign)) {
            assertThatThrownBy(() -> robomaker.deleteRobot(r -> r.robot(arn)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains(arn));
        }
        assertThat(rows.count("select count(*) from robot where arn = $1", foreign)).isEqualTo(1);
    }

    private String createRobot(String name, String group) {
        return robomaker.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(group)).arn();
    }
}
