package dev.fleetsync.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.RobotCredentialCalls.Issued;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.sim.TwoInstances;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/**
 * A credential revoked through one instance is refused by the other within seconds, though the other had just
 * verified it and caches verified credentials for ten minutes here: only the database's revocation notice explains it.
 */
class RobotCredentialTwoInstancesIT {
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static TwoInstances instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = TwoInstances.start("creds", Map.of(
                "fleetsync.auth.robot-credential-key", "two-instances-robot-credential-key-0001",
                "fleetsync.auth.robot-credential-cache-ttl", "10M"));
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void aCredentialRevokedThroughOneInstanceIsRefusedByTheOtherWithinSeconds() {
        String robot = createRobot();
        Issued credential = new RobotCredentialCalls(instances.first().endpoint()).issue(robot);
        Agent onSecond = new Agent(instances.second().endpoint(), robot, credential.accessKeyId(), credential.secret());
        onSecond.pollResponse().then().statusCode(200); // verified and cached by the second instance

        new RobotCredentialCalls(instances.first().endpoint()).delete(credential.accessKeyId()).then().statusCode(200);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> onSecond.pollResponse().statusCode() == 403);
        onSecond.pollResponse().then().header("X-Amzn-ErrorType", "UnrecognizedClientException");
    }

    @Test
    void aRobotDeletedThroughOneInstanceLosesItsCredentialOnTheOther() {
        String robot = createRobot();
        Issued credential = new RobotCredentialCalls(instances.first().endpoint()).issue(robot);
        Agent onSecond = new Agent(instances.second().endpoint(), robot, credential.accessKeyId(), credential.secret());
        onSecond.pollResponse().then().statusCode(200);

        Sdk.client(instances.first().endpoint()).deleteRobot(r -> r.robot(robot));

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> onSecond.pollResponse().statusCode() == 403);
        onSecond.pollResponse().then().header("X-Amzn-ErrorType", "UnrecognizedClientException");
    }

    private static String createRobot() {
        RoboMakerClient operator = Sdk.client(instances.first().endpoint());
        String name = Sdk.unique("two");
        return operator.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)).arn();
    }
}
