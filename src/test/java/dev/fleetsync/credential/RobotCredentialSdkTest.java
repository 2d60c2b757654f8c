package dev.fleetsync.credential;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/** Operators issue, list, rotate and revoke robot credentials; bad input and other accounts' robots change nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotCredentialSdkTest extends ServiceTest {
    RobotCredentialCalls operator;
    String robot;

    @BeforeEach
    void aRobot() {
        operator = new RobotCredentialCalls(endpoint);
        robot = createRobot(robomaker);
    }

    @Test
    void anIssuedCredentialShowsItsSecretOnceAndPollsForItsRobot() {
        Response created = operator.create(robot);

        created.then().statusCode(200);
        String accessKeyId = created.jsonPath().getString("accessKeyId");
        String secret = created.jsonPath().getString("secretAccessKey");
        assertThat(accessKeyId).matches("RKID[A-Z2-7]{16}");
        assertThat(secret).hasSize(43);
        assertThat(created.jsonPath().getString("robot")).isEqualTo(robot);
        assertThat(created.jsonPath().getDouble("createdAt")).isPositive();
        new Agent(endpoint, robot, accessKeyId, secret).pollResponse().then().statusCode(200);
        assertThat(storedColumns()).containsExactlyInAnyOrder("access_key_id", "account_id", "robot_arn", "created_at");
    }

    @Test
    void aListShowsIdsAndDatesButNeverASecret() {
        Issued first = operator.issue(robot);
        Issued second = operator.issue(robot);

        Response listed = operator.list(robot);

        listed.then().statusCode(200);
        assertThat(listed.jsonPath().getList("credentials.accessKeyId", String.class))
                .containsExactly(first.accessKeyId(), second.accessKeyId());
        assertThat(listed.jsonPath().getList("credentials.robot", String.class)).containsOnly(robot);
        assertThat(listed.jsonPath().getList("credentials.createdAt")).doesNotContainNull();
        assertThat(listed.asString()).doesNotContain(first.secret()).doesNotContain(second.secret()).doesNotContain("secret");
    }

    @Test
    void aRevokedCredentialIsRefusedAsUnknown() {
        Issued credential = operator.issue(robot);
        Agent agent = new Agent(endpoint, robot, credential.accessKeyId(), credential.secret());
        agent.pollResponse().then().statusCode(200); // now cached by this instance

        operator.delete(credential.accessKeyId()).then().statusCode(200);

        agent.pollResponse().then().statusCode(403).header("X-Amzn-ErrorType", "UnrecognizedClientException");
        operator.list(robot).then().statusCode(200).body("credentials", org.hamcrest.Matchers.empty());
    }

    @Test
    void rotationMovesTheRobotToASecondCredentialBeforeTheFirstIsRevoked() {
        Issued old = operator.issue(robot);
        Issued fresh = operator.issue(robot);
        new Agent(endpoint, robot, fresh.accessKeyId(), fresh.secret()).pollResponse().then().statusCode(200);

        operator.delete(old.accessKeyId()).then().statusCode(200);

        new Agent(endpoint, robot, fresh.accessKeyId(), fresh.secret()).pollResponse().then().statusCode(200);
        new Agent(endpoint, robot, old.accessKeyId(), old.secret()).pollResponse().then().statusCode(403);
    }

    @Test
    void aThirdCredentialForOneRobotIsLimitExceededAndNoneIsAdded() {
        operator.issue(robot);
        operator.issue(robot);

        Response third = operator.create(robot);

        third.then().statusCode(400).header("X-Amzn-ErrorType", "LimitExceededException");
        assertThat(third.jsonPath().getString("message")).contains(robot).contains("2");
        assertThat(operator.list(robot).jsonPath().getList("credentials")).hasSize(2);
    }

    @Test
    void deletingTheRobotRevokesItsCredentials() {
        Issued credential = operator.issue(robot);
        Agent agent = new Agent(endpoint, robot, credential.accessKeyId(), credential.secret());
        agent.pollResponse().then().statusCode(200);

        robomaker.deleteRobot(r -> r.robot(robot));

        agent.pollResponse().then().statusCode(403).header("X-Amzn-ErrorType", "UnrecognizedClientException");
        assertThat(credentialRows(credential.accessKeyId())).isZero();
    }

    @Test
    void anotherAccountsRobotAndCredentialDoNotExistForTheCaller() {
        String theirRobot = createRobot(signedAs(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET));
        RobotCredentialCalls theirOperator = new RobotCredentialCalls(endpoint, Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
        Issued theirs = theirOperator.issue(theirRobot);

        assertNotFound(operator.create(theirRobot), "Robot " + theirRobot + " does not exist");
        assertNotFound(operator.list(theirRobot), "Robot " + theirRobot + " does not exist");
        assertNotFound(operator.delete(theirs.accessKeyId()), "Robot credential " + theirs.accessKeyId() + " does not exist");

        assertThat(theirOperator.list(theirRobot).jsonPath().getList("credentials")).hasSize(1);
        new Agent(endpoint, theirRobot, theirs.accessKeyId(), theirs.secret()).pollResponse().then().statusCode(200);
    }

    @Test
    void aMissingRobotOrCredentialIsResourceNotFound() {
        robomaker.deleteRobot(r -> r.robot(robot));

        assertNotFound(operator.create(robot), "Robot " + robot + " does not exist");
        assertNotFound(operator.list(robot), "Robot " + robot + " does not exist");
        assertNotFound(operator.delete("RKIDAAAAAAAAAAAAAAAA"), "Robot credential RKIDAAAAAAAAAAAAAAAA does not exist");
    }

    @Test
    void badInputIsInvalidParameterNamingTheMemberAndAddsNothing() {
        assertInvalid(operator.post("/createRobotCredential", "{}"), "'robot'");
        assertInvalid(operator.post("/createRobotCredential", "{\"robot\": \"not-an-arn\"}"), "'robot'");
        assertInvalid(operator.post("/listRobotCredentials", "{}"), "'robot'");
        assertInvalid(operator.post("/deleteRobotCredential", "{}"), "'accessKeyId'");
        assertInvalid(operator.delete("AKIDFLEETSYNCTEST"), "'accessKeyId'");
        assertInvalid(operator.delete("rkidaaaaaaaaaaaaaaaa"), "'accessKeyId'");

        assertThat(operator.list(robot).jsonPath().getList("credentials")).isEmpty();
        robomaker.listFleets(r -> r.maxResults(1)); // the account principal this refers to still works
    }

    private static void assertNotFound(Response response, String message) {
        response.then().statusCode(400).header("X-Amzn-ErrorType", "ResourceNotFoundException");
        assertThat(response.jsonPath().getString("message")).isEqualTo(message);
    }

    private static void assertInvalid(Response response, String member) {
        response.then().statusCode(400).header("X-Amzn-ErrorType", "InvalidParameterException");
        assertThat(response.jsonPath().getString("message")).contains(member);
    }

    private static String createRobot(RoboMakerClient client) {
        String name = Sdk.unique("creds");
        return client.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)).arn();
    }

    private long credentialRows(String accessKeyId) {
        return pool.preparedQuery("select count(*) from robot_credential where access_key_id = $1").execute(Tuple.of(accessKeyId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    /** What is stored of a credential: no column for a secret. */
    private List<String> storedColumns() {
        return pool.query("select column_name from information_schema.columns where table_name = 'robot_credential'")
                .execute().await().indefinitely().stream().map(row -> row.getString(0)).toList();
    }
}
