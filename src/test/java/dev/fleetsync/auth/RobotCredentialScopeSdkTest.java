package dev.fleetsync.auth;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;

/**
 * A robot credential speaks the robot protocol for its own robot and nothing else: every other call is a 403 that
 * changes nothing, another account's robot does not exist for it, and account principals keep the robot protocol.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotCredentialScopeSdkTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    RoboMakerClient operator;
    String fleet;
    String robot;
    String sibling;
    Issued credential;

    @BeforeEach
    void twoRobotsInAFleetOneWithACredential() {
        operator = robomaker;
        fleet = operator.createFleet(r -> r.name(Sdk.unique("scope"))).arn();
        robot = robotIn(fleet);
        sibling = robotIn(fleet);
        credential = new RobotCredentialCalls(endpoint).issue(robot);
    }

    @Test
    void itPollsAndReportsForItsRobotThroughARollout() {
        String job = operator.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(100)).build()).arn();
        Agent agent = robotAgent(robot);

        JsonPath work = await().atMost(SOON).until(() -> agent.poll(1), w -> job.equals(w.getString("deploymentJob")));

        assertThat(work.getString("deploymentJob")).isEqualTo(job);
        assertThat(agent.reportOk(job, "DownloadingExtracting", 40, "InProgress", null)).isTrue();
        assertThat(operator.describeDeploymentJob(r -> r.job(job)).robotDeploymentSummary()).filteredOn(d -> d.arn().equals(robot))
                .singleElement().satisfies(d -> assertThat(d.progressDetail().percentDone()).isEqualTo(40f));
    }

    @Test
    void theFleetApiIsAccessDeniedAndNothingChanges() {
        RoboMakerClient asRobot = signedAs(credential.accessKeyId(), credential.secret());
        String name = Sdk.unique("robot-made");

        assertAccessDenied(() -> asRobot.listFleets(r -> r.maxResults(1)));
        assertAccessDenied(() -> asRobot.describeRobot(r -> r.robot(robot)));
        assertAccessDenied(() -> asRobot.createFleet(r -> r.name(name)));
        assertAccessDenied(() -> asRobot.deleteFleet(r -> r.fleet(fleet)));
        assertAccessDenied(() -> asRobot.deregisterRobot(r -> r.fleet(fleet).robot(robot)));
        assertAccessDenied(() -> asRobot.deleteRobot(r -> r.robot(sibling)));

        assertThat(operator.listFleets(r -> r.filters(Filter.builder().name("name").values(name).build())).fleetDetails()).isEmpty();
        assertThat(operator.describeFleet(r -> r.fleet(fleet)).robots()).extracting(r -> r.arn()).containsExactlyInAnyOrder(robot, sibling);
    }

    @Test
    void itCannotManageRobotCredentialsEvenItsOwn() {
        RobotCredentialCalls asRobot = new RobotCredentialCalls(endpoint, credential.accessKeyId(), credential.secret());

        assertAccessDenied(asRobot.create(robot));
        assertAccessDenied(asRobot.create(sibling));
        assertAccessDenied(asRobot.list(robot));
        assertAccessDenied(asRobot.delete(credential.accessKeyId()));

        assertThat(new RobotCredentialCalls(endpoint).list(robot).jsonPath().getList("credentials")).hasSize(1);
        assertThat(new RobotCredentialCalls(endpoint).list(sibling).jsonPath().getList("credentials")).isEmpty();
    }

    @Test
    void itCannotPollOrReportForAnotherRobotOfItsAccount() {
        String job = operator.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(100)).build()).arn();
        Agent legitimate = new Agent(endpoint, sibling); // the account principal, on the sibling's behalf
        await().atMost(SOON).until(() -> legitimate.poll(1), w -> job.equals(w.getString("deploymentJob")));
        String robotBefore = robotRow(sibling);
        String deploymentBefore = deploymentRow(job, sibling);
        Agent impostor = new Agent(endpoint, sibling, credential.accessKeyId(), credential.secret());

        Response poll = impostor.pollResponse();
        Response report = impostor.report(job, "Finished", 100, "Failed", "RobotAgentConnectionTimeout");

        for (Response refused : new Response[] {poll, report}) {
            refused.then().statusCode(403).header("X-Amzn-ErrorType", "AccessDeniedException");
            assertThat(refused.jsonPath().getString("message")).contains(robot);
        }
        assertThat(robotRow(sibling)).isEqualTo(robotBefore);
        assertThat(deploymentRow(job, sibling)).isEqualTo(deploymentBefore);
    }

    @Test
    void anotherAccountsRobotDoesNotExistForIt() {
        String name = Sdk.unique("theirs");
        String theirs = signedAs(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET)
                .createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)).arn();

        Response poll = new Agent(endpoint, theirs, credential.accessKeyId(), credential.secret()).pollResponse();

        poll.then().statusCode(400).header("X-Amzn-ErrorType", "ResourceNotFoundException");
        assertThat(poll.jsonPath().getString("message")).isEqualTo("Robot " + theirs + " does not exist");
    }

    @Test
    void aWrongSecretOrAnUnknownRobotKeyIsRefusedAsAnyOtherKey() {
        new Agent(endpoint, robot, credential.accessKeyId(), credential.secret() + "x").pollResponse()
                .then().statusCode(403).header("X-Amzn-ErrorType", "InvalidSignatureException");
        new Agent(endpoint, robot, "RKIDAAAAAAAAAAAAAAAA", credential.secret()).pollResponse()
                .then().statusCode(403).header("X-Amzn-ErrorType", "UnrecognizedClientException");
    }

    @Test
    void accountPrincipalsStillPollAndReportForAnyRobotOfTheirAccount() {
        new Agent(endpoint, robot).pollResponse().then().statusCode(200);
        new Agent(endpoint, sibling).pollResponse().then().statusCode(200);
        robotAgent(robot).pollResponse().then().statusCode(200);
    }

    private Agent robotAgent(String robotArn) {
        return new Agent(endpoint, robotArn, credential.accessKeyId(), credential.secret());
    }

    private String robotIn(String fleetArn) {
        String name = Sdk.unique("scoped");
        String arn = operator.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)).arn();
        operator.registerRobot(r -> r.fleet(fleetArn).robot(arn));
        return arn;
    }

    private static void assertAccessDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RoboMakerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("robot protocol");
        });
    }

    private static void assertAccessDenied(Response response) {
        response.then().statusCode(403).header("X-Amzn-ErrorType", "AccessDeniedException");
    }

    private String robotRow(String arn) {
        return pool.preparedQuery("select r::text from robot r where arn = $1").execute(Tuple.of(arn)).await().indefinitely()
                .iterator().next().getString(0);
    }

    private String deploymentRow(String job, String robotArn) {
        return pool.preparedQuery("select d::text from robot_deployment d where job_arn = $1 and robot_arn = $2")
                .execute(Tuple.of(job, robotArn)).await().indefinitely().iterator().next().getString(0);
    }
}
