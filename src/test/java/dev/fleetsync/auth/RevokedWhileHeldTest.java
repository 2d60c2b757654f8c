package dev.fleetsync.auth;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.RobotCredentialCalls.Issued;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;

/**
 * A robot credential revoked while its poll is held open is handed nothing when the poll wakes: the assignment (and
 * its environment) stays with the service until a robot with a valid credential asks for it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RevokedWhileHeldTest extends ServiceTest {
    @Test
    void aPollHeldWhenItsCredentialIsRevokedIsRefusedOnWakingAndHandsNothingOver() throws Exception {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("held"))).arn();
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("held")).architecture("X86_64")
                .greengrassGroupId(java.util.UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        RobotCredentialCalls calls = new RobotCredentialCalls(endpoint);
        Issued credential = calls.issue(robot);
        Agent agent = new Agent(endpoint, robot, credential.accessKeyId(), credential.secret());
        assertThat(agent.pollBody(0)).as("the credential works before it is revoked").isEqualTo("{}");

        // given a poll held open by the robot's credential
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> agent.post("/agent/v1/poll",
                java.util.Map.of("robot", robot, "waitSeconds", 20)));
        Thread.sleep(500);
        // when the credential is revoked, and then the robot's turn comes
        calls.delete(credential.accessKeyId()).then().statusCode(200);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(100)).build()).arn();

        // then the held poll is refused, and the robot was handed nothing
        Response answer = held.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.header("X-Amzn-ErrorType")).isEqualTo("UnrecognizedClientException");
        assertThat(answer.asString()).doesNotContain(job);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> robomaker.describeDeploymentJob(r -> r.job(job))
                .robotDeploymentSummary().stream().noneMatch(d -> d.status() == RobotStatus.DEPLOYING));
        assertThat(robomaker.describeRobot(r -> r.robot(robot)).status()).isNotEqualTo(RobotStatus.DEPLOYING);
    }
}
