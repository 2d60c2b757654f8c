package dev.fleetsync.quota;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.LimitExceededException;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;

/**
 * Each quota fires at its configured value. Account 444444444444 has small quotas of its own (%test): 3 fleets, 3 robots,
 * 2 robots per fleet, 2 applications, 2 versions per application, 2 active deployment jobs. Its rows are wiped before
 * each test, so the counts start from nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class QuotaSdkTest extends ServiceTest {
    static final String ACCOUNT = "444444444444";
    private static final String KEY = "fleetsync.quota.accounts.\"" + ACCOUNT + "\".";

    RoboMakerClient quotaAccount;
    AccountRows rows;

    @BeforeEach
    void emptyAccount() {
        quotaAccount = signedAs("AKIDFLEETSYNCQUOTA", "quota-secret");
        rows = new AccountRows(pool, ACCOUNT);
        rows.wipe();
    }

    @Test
    void theFleetBeyondTheQuotaIsRefusedAndNothingChanges() {
        for (int i = 0; i < 3; i++) {
            createFleet();
        }

        assertLimit(() -> quotaAccount.createFleet(r -> r.name(Sdk.unique("quota")).tags(Map.of("team", "ops"))),
                "Account " + ACCOUNT + " has 3 fleets, the most allowed (" + KEY + "fleets)");
        assertThat(rows.count("fleet")).isEqualTo(3);
        assertThat(rows.count("resource_tag")).isEqualTo(0);
    }

    @Test
    void aDeletedFleetFreesItsPlace() {
        String first = createFleet();
        createFleet();
        createFleet();

        quotaAccount.deleteFleet(r -> r.fleet(first));

        createFleet();
        assertThat(rows.count("fleet")).isEqualTo(3);
    }

    @Test
    void theRobotBeyondTheQuotaIsRefusedAndADeletedRobotFreesItsPlace() {
        String first = createRobot();
        createRobot();
        createRobot();

        assertLimit(this::createRobot, "Account " + ACCOUNT + " has 3 robots, the most allowed (" + KEY + "robots)");
        assertThat(rows.count("robot")).isEqualTo(3);

        quotaAccount.deleteRobot(r -> r.robot(first));
        createRobot();
        assertThat(rows.count("robot")).isEqualTo(3);
    }

    @Test
    void registeringBeyondTheFleetsQuotaIsRefusedAndLeavesTheRobotOutside() {
        String fleet = createFleet();
        String first = createRobot();
        String second = createRobot();
        String third = createRobot();
        quotaAccount.registerRobot(r -> r.fleet(fleet).robot(first));
        quotaAccount.registerRobot(r -> r.fleet(fleet).robot(second));

        assertLimit(() -> quotaAccount.registerRobot(r -> r.fleet(fleet).robot(third)),
                "Fleet " + fleet + " has 2 robots, the most allowed (" + KEY + "robots-per-fleet)");
        assertThat(quotaAccount.describeRobot(r -> r.robot(third)).fleetArn()).isNull();
        assertThat(quotaAccount.describeFleet(r -> r.fleet(fleet)).robots()).hasSize(2);
    }

    @Test
    void aRobotAlreadyInTheFullFleetRegistersAgainAndADeregisteredOneFreesItsPlace() {
        String fleet = createFleet();
        String first = createRobot();
        String second = createRobot();
        String third = createRobot();
        quotaAccount.registerRobot(r -> r.fleet(fleet).robot(first));
        quotaAccount.registerRobot(r -> r.fleet(fleet).robot(second));

        quotaAccount.registerRobot(r -> r.fleet(fleet).robot(second)); // a harmless retry, not a new member
        quotaAccount.deregisterRobot(r -> r.fleet(fleet).robot(first));
        quotaAccount.registerRobot(r -> r.fleet(fleet).robot(third));

        assertThat(quotaAccount.describeFleet(r -> r.fleet(fleet)).robots()).hasSize(2);
    }

    @Test
    void theApplicationBeyondTheQuotaIsRefusedAndNothingChanges() {
        createApplication();
        createApplication();

        assertLimit(this::createApplication,
                "Account " + ACCOUNT + " has 2 robot applications, the most allowed (" + KEY + "robot-applications)");
        assertThat(rows.count("robot_application")).isEqualTo(2);
    }

    @Test
    void theVersionBeyondTheQuotaIsRefusedAndADeletedVersionFreesItsPlace() {
        String app = createApplication();
        quotaAccount.createRobotApplicationVersion(r -> r.application(app));
        quotaAccount.createRobotApplicationVersion(r -> r.application(app));

        assertLimit(() -> quotaAccount.createRobotApplicationVersion(r -> r.application(app)),
                "Robot application " + app + " has 2 versions, the most allowed (" + KEY + "versions-per-application)");
        assertThat(rows.count("robot_application_version")).isEqualTo(2);

        quotaAccount.deleteRobotApplication(r -> r.application(app).applicationVersion("1"));
        assertThat(quotaAccount.createRobotApplicationVersion(r -> r.application(app)).version()).isEqualTo("3");
    }

    @Test
    void theDeploymentBeyondTheActiveJobQuotaIsRefusedAndStoresNothing() {
        String app = rows.applicationWithVersion();
        deployTo(rows.fleetWithRobot(), app, token());
        deployTo(rows.fleetWithRobot(), app, token());
        String third = rows.fleetWithRobot();

        assertLimit(() -> deployTo(third, app, token()),
                "Account " + ACCOUNT + " has 2 active deployment jobs, the most allowed (" + KEY + "active-deployment-jobs)");
        assertThat(rows.count("deployment_job")).isEqualTo(2);
        assertThat(rows.count("client_token")).isEqualTo(2);
        assertThat(rows.count("robot_deployment")).isEqualTo(2);
        assertThat(quotaAccount.describeFleet(r -> r.fleet(third)).lastDeploymentJob()).isNull();
    }

    @Test
    void aSyncBeyondTheActiveJobQuotaIsRefused() {
        String app = rows.applicationWithVersion();
        String synced = rows.fleetWithRobot();
        rows.finish(deployTo(synced, app, token()), "Succeeded");
        deployTo(rows.fleetWithRobot(), app, token());
        deployTo(rows.fleetWithRobot(), app, token());

        assertLimit(() -> quotaAccount.syncDeploymentJob(r -> r.fleet(synced).clientRequestToken(token())),
                "Account " + ACCOUNT + " has 2 active deployment jobs, the most allowed (" + KEY + "active-deployment-jobs)");
        assertThat(rows.count("deployment_job")).isEqualTo(3);
    }

    @Test
    void aCanceledAndAFinishedJobEachFreeTheirPlace() {
        String app = rows.applicationWithVersion();
        String canceled = deployTo(rows.fleetWithRobot(), app, token());
        String finished = deployTo(rows.fleetWithRobot(), app, token());

        quotaAccount.cancelDeploymentJob(r -> r.job(canceled));
        deployTo(rows.fleetWithRobot(), app, token());
        rows.finish(finished, "Succeeded");
        deployTo(rows.fleetWithRobot(), app, token());

        assertThat(rows.activeJobs()).isEqualTo(2);
        assertThat(rows.count("deployment_job")).isEqualTo(4);
    }

    @Test
    void aReplayedTokenAtTheQuotaAnswersTheStoredJob() {
        String app = rows.applicationWithVersion();
        String fleet = rows.fleetWithRobot();
        String token = token();
        String job = deployTo(fleet, app, token);
        deployTo(rows.fleetWithRobot(), app, token());

        String replayed = deployTo(fleet, app, token);

        assertThat(replayed).isEqualTo(job);
        assertThat(rows.count("deployment_job")).isEqualTo(2);
    }

    private String createFleet() {
        return quotaAccount.createFleet(r -> r.name(Sdk.unique("quota"))).arn();
    }

    private String createRobot() {
        return quotaAccount.createRobot(r -> r.name(Sdk.unique("quota")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
    }

    private String createApplication() {
        return quotaAccount.createRobotApplication(r -> r.name(Sdk.unique("quota"))
                .robotSoftwareSuite(s -> s.name(RobotSoftwareSuiteType.GENERAL))
                .sources(s -> s.s3Bucket("bundles").s3Key("app.tar").architecture(Architecture.X86_64))).arn();
    }

    private String deployTo(String fleet, String app, String token) {
        return quotaAccount.createDeploymentJob(deploy(fleet, app, "1").clientRequestToken(token).build()).arn();
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    private static void assertLimit(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
