package dev.fleetsync.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.robot.RobotRows;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeregisterRobotResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotResponse;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.RegisterRobotResponse;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/** RegisterRobot and DeregisterRobot through the official SDK. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotMembershipSdkTest extends ServiceTest {
    private static final String ACCOUNT = "123456789012";

    RobotRows rows;

    @BeforeEach
    void client() {
        rows = new RobotRows(pool);
    }

    @Test
    void registeredRobotJoinsTheFleet() {
        String fleet = createFleet();
        String robot = createRobot();

        RegisterRobotResponse registered = robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));

        assertThat(registered.fleet()).isEqualTo(fleet);
        assertThat(registered.robot()).isEqualTo(robot);
        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(robot));
        assertThat(described.fleetArn()).isEqualTo(fleet);
        assertThat(described.status()).isEqualTo(RobotStatus.REGISTERED);
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).robots()).singleElement()
                .satisfies(member -> assertThat(member.arn()).isEqualTo(robot));
    }

    @Test
    void registeringToTheSameFleetAgainIsAHarmlessSuccess() {
        String fleet = createFleet();
        String robot = createRobot();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));

        RegisterRobotResponse again = robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));

        assertThat(again.fleet()).isEqualTo(fleet);
        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(robot));
        assertThat(described.fleetArn()).isEqualTo(fleet);
        assertThat(described.status()).isEqualTo(RobotStatus.REGISTERED);
    }

    @Test
    void registeringARobotOfAnotherFleetIsInvalidAndLeavesItWhereItWas() {
        String first = createFleet();
        String second = createFleet();
        String robot = createRobot();
        robomaker.registerRobot(r -> r.fleet(first).robot(robot));

        assertThatThrownBy(() -> robomaker.registerRobot(r -> r.fleet(second).robot(robot)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(robot).contains("already registered").contains(first);
                });
        assertThat(robomaker.describeRobot(r -> r.robot(robot)).fleetArn()).isEqualTo(first);
        assertThat(robomaker.describeFleet(r -> r.fleet(second)).robots()).isEmpty();
    }

    @Test
    void registerWithAnUnknownOrForeignFleetIsNotFoundNamingTheFleet() {
        String robot = createRobot();
        String unknown = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":deployment-fleet/nofleet/1";
        String foreign = rows.insertFleet(RobotRows.OTHER_ACCOUNT, Sdk.unique("theirs"));

        for (String fleet : List.of(unknown, foreign)) {
            assertThatThrownBy(() -> robomaker.registerRobot(r -> r.fleet(fleet).robot(robot)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("Fleet " + fleet);
                    });
        }
        assertThat(robomaker.describeRobot(r -> r.robot(robot)).status()).isEqualTo(RobotStatus.AVAILABLE);
    }

    @Test
    void registerOfAnUnknownOrForeignRobotIsNotFoundNamingTheRobot() {
        String fleet = createFleet();
        String unknown = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":robot/norobot/1";
        String foreign = rows.insertRobot(RobotRows.OTHER_ACCOUNT, null, UUID.randomUUID().toString());

        for (String robot : List.of(unknown, foreign)) {
            assertThatThrownBy(() -> robomaker.registerRobot(r -> r.fleet(fleet).robot(robot)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("Robot " + robot));
        }
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).robots()).isEmpty();
    }

    @Test
    void registerRacingTheFleetsDeletionIsNotFound() throws Exception {
        String fleet = createFleet();
        String robot = createRobot();
        RobotRows.HeldDelete deletion = rows.holdFleetDeletion(ACCOUNT, fleet);
        long waitingBefore = rows.lockWaiters();
        CompletableFuture<String> register = CompletableFuture.supplyAsync(() -> {
            try {
                return robomaker.registerRobot(r -> r.fleet(fleet).robot(robot)).fleet();
            } catch (RoboMakerException e) {
                return e.awsErrorDetails().errorCode();
            }
        });
        try {
            // The register read the fleet before its deletion commits, and now waits on the fleet row at its foreign-key check.
            awaitLockWaiter(waitingBefore);
        } finally {
            deletion.commit();
        }

        assertThat(register.get(30, TimeUnit.SECONDS)).isEqualTo("ResourceNotFoundException");
        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(robot));
        assertThat(described.fleetArn()).isNull();
        assertThat(described.status()).isEqualTo(RobotStatus.AVAILABLE);
    }

    @Test
    void deregisteredRobotIsAvailableAgain() {
        String fleet = createFleet();
        String robot = createRobot();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));

        DeregisterRobotResponse deregistered = robomaker.deregisterRobot(r -> r.fleet(fleet).robot(robot));

        assertThat(deregistered.fleet()).isEqualTo(fleet);
        assertThat(deregistered.robot()).isEqualTo(robot);
        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(robot));
        assertThat(described.fleetArn()).isNull();
        assertThat(described.status()).isEqualTo(RobotStatus.AVAILABLE);
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).robots()).isEmpty();
    }

    @Test
    void deregisterFromAFleetTheRobotIsNotInIsNotFoundAndChangesNothing() {
        String home = createFleet();
        String other = createFleet();
        String robot = createRobot();
        robomaker.registerRobot(r -> r.fleet(home).robot(robot));

        assertThatThrownBy(() -> robomaker.deregisterRobot(r -> r.fleet(other).robot(robot)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(robot).contains("is not registered to fleet " + other);
                });
        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(robot));
        assertThat(described.fleetArn()).isEqualTo(home);
        assertThat(described.status()).isEqualTo(RobotStatus.REGISTERED);
    }

    @Test
    void deregisterOfAFleetlessRobotIsNotFound() {
        String fleet = createFleet();
        String robot = createRobot();

        assertThatThrownBy(() -> robomaker.deregisterRobot(r -> r.fleet(fleet).robot(robot)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("is not registered"));
    }

    @Test
    void deregisterOfUnknownRobotOrFleetIsNotFound() {
        String fleet = createFleet();
        String robot = createRobot();
        String noRobot = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":robot/norobot/2";
        String noFleet = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":deployment-fleet/nofleet/2";

        assertThatThrownBy(() -> robomaker.deregisterRobot(r -> r.fleet(fleet).robot(noRobot)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains(noRobot));
        assertThatThrownBy(() -> robomaker.deregisterRobot(r -> r.fleet(noFleet).robot(robot)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains(noFleet));
    }

    @Test
    void membershipCallsRequireBothMembers() {
        String robot = createRobot();

        assertThatThrownBy(() -> robomaker.registerRobot(r -> r.robot(robot)))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'fleet'").contains("must not be null"));
        assertThatThrownBy(() -> robomaker.deregisterRobot(r -> r.fleet("arn:aws:robomaker:us-west-2:1:deployment-fleet/f/1")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'robot'").contains("must not be null"));
    }

    @Test
    void deletingTheFleetMakesItsRobotsAvailable() {
        String fleet = createFleet();
        String robot = createRobot();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));

        robomaker.deleteFleet(r -> r.fleet(fleet));

        DescribeRobotResponse described = robomaker.describeRobot(r -> r.robot(robot));
        assertThat(described.fleetArn()).isNull();
        assertThat(described.status()).isEqualTo(RobotStatus.AVAILABLE);
    }

    private void awaitLockWaiter(long waitingBefore) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (rows.lockWaiters() <= waitingBefore) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("RegisterRobot never waited on the fleet row");
            }
            Thread.sleep(20);
        }
    }

    private String createFleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("fleet"))).arn();
    }

    private String createRobot() {
        return robomaker.createRobot(r -> r.name(Sdk.unique("robot")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
    }
}
