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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ListRobotsResponse;
import software.amazon.awssdk.services.robomaker.model.Robot;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** ListRobots through the official SDK: filters, pages, and the Robot structure on the wire. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotListSdkTest extends ServiceTest {
    RobotRows rows;

    @BeforeEach
    void client() {
        rows = new RobotRows(pool);
    }

    @Test
    void fleetNameFilterPagesThroughTheRobotsOfEveryFleetWithThatName() {
        String name = Sdk.unique("shared");
        String first = robomaker.createFleet(r -> r.name(name)).arn();
        String second = robomaker.createFleet(r -> r.name(name)).arn();
        String other = robomaker.createFleet(r -> r.name(name + "-x")).arn();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            expected.add(registeredRobot(i % 2 == 0 ? first : second));
        }
        registeredRobot(other);
        createRobot();
        rows.insertRobot(RobotRows.OTHER_ACCOUNT, rows.insertFleet(RobotRows.OTHER_ACCOUNT, name), UUID.randomUUID().toString());

        List<ListRobotsResponse> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            pages.add(robomaker.listRobots(r -> r.maxResults(2).nextToken(next).filters(filter("fleetName", name))));
            token = pages.get(pages.size() - 1).nextToken();
        } while (token != null);

        assertThat(pages).hasSize(4);
        assertThat(pages.subList(0, 3)).allSatisfy(page -> assertThat(page.robots()).hasSize(2));
        List<Robot> listed = pages.stream().flatMap(p -> p.robots().stream()).toList();
        assertThat(listed).extracting(Robot::arn).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed).allSatisfy(robot -> {
            assertThat(robot.fleetArn()).isIn(first, second);
            assertThat(robot.status()).isEqualTo(RobotStatus.REGISTERED);
            assertThat(robot.greenGrassGroupId()).isNotBlank();
        });
    }

    @Test
    void sdkPaginatorSeesEveryRobotOnce() {
        String name = Sdk.unique("paged");
        String fleet = robomaker.createFleet(r -> r.name(name)).arn();
        for (int i = 0; i < 5; i++) {
            registeredRobot(fleet);
        }

        long all = robomaker.listRobotsPaginator(r -> r.maxResults(2).filters(filter("fleetName", name)))
                .robots().stream().map(Robot::arn).distinct().count();

        assertThat(all).isEqualTo(5);
    }

    @Test
    void statusFilterReturnsOnlyRobotsInThatStatus() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("status"))).arn();
        String registered = registeredRobot(fleet);
        String available = createRobot();

        List<Robot> inFleets = robomaker.listRobotsPaginator(r -> r.filters(filter("status", "Registered"))).robots().stream().toList();
        List<Robot> fleetless = robomaker.listRobotsPaginator(r -> r.filters(filter("status", "Available"))).robots().stream().toList();

        assertThat(inFleets).extracting(Robot::arn).contains(registered).doesNotContain(available);
        assertThat(inFleets).allSatisfy(robot -> assertThat(robot.status()).isEqualTo(RobotStatus.REGISTERED));
        assertThat(fleetless).extracting(Robot::arn).contains(available).doesNotContain(registered);
        assertThat(fleetless).allSatisfy(robot -> assertThat(robot.status()).isEqualTo(RobotStatus.AVAILABLE));
    }

    @Test
    void listedRobotSpellsGreenGrassGroupIdWithACapitalG() {
        String name = Sdk.unique("wire");
        String fleet = robomaker.createFleet(r -> r.name(name)).arn();
        String group = UUID.randomUUID().toString();
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.ARMHF)
                .greengrassGroupId(group)).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));

        given().contentType(ContentType.JSON)
                .body(Map.of("filters", List.of(Map.of("name", "fleetName", "values", List.of(name)))))
                .post("/listRobots")
                .then().statusCode(200)
                .body("robots[0].arn", equalTo(robot))
                .body("robots[0].greenGrassGroupId", equalTo(group))
                .body("robots[0]", not(hasKey("greengrassGroupId")))
                .body("robots[0].architecture", equalTo("ARMHF"))
                .body("robots[0].fleetArn", equalTo(fleet))
                .body("$", not(hasKey("nextToken")));
    }

    @Test
    void unknownStatusValueIsInvalidParameter() {
        assertThatThrownBy(() -> robomaker.listRobots(r -> r.filters(filter("status", "Sleeping"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("Sleeping").contains("filters[0].values[0]");
                });
    }

    @Test
    void unknownFilterNameIsInvalidParameter() {
        assertThatThrownBy(() -> robomaker.listRobots(r -> r.filters(filter("name", "x"))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("filters[0].name"));
    }

    @Test
    void pageSizeOutsideOneTo200IsInvalidParameter() {
        for (int size : new int[] {0, 201}) {
            assertThatThrownBy(() -> robomaker.listRobots(r -> r.maxResults(size)))
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'maxResults'").contains("between 1 and 200"));
        }
    }

    @Test
    void pageSizeSentAsAStringIsInvalidParameterNamingIt() {
        given().contentType(ContentType.JSON).body(Map.of("maxResults", "10"))
                .post("/listRobots")
                .then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException")
                .body("message", containsString("'maxResults'"));
    }

    @Test
    void foreignTokenIsInvalidParameter() {
        assertThatThrownBy(() -> robomaker.listRobots(r -> r.nextToken("bm90LWEtdG9rZW4=")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("nextToken"));
    }

    private String registeredRobot(String fleet) {
        String robot = createRobot();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    private String createRobot() {
        return robomaker.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
