package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateDeploymentJobRequest;
import software.amazon.awssdk.services.robomaker.model.DeploymentApplicationConfig;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuite;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.SourceConfig;

/**
 * Two accounts with same-named resources: each sees only its own through every operation, and naming the other
 * account's resource behaves exactly like naming one that does not exist.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class AccountIsolationSdkTest extends ServiceTest {

    RoboMakerClient mine;
    RoboMakerClient theirs;
    String name;
    Resources own;
    Resources other;

    record Resources(String fleet, String robot, String application, String job) {
    }

    @BeforeEach
    void twoAccountsWithTheSameNames() {
        mine = robomaker;
        theirs = signedAs(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
        name = Sdk.unique("same");
        own = create(mine);
        other = create(theirs);
    }

    @Test
    void arnsCarryTheCreatorsAccount() {
        assertThat(own.fleet()).contains(":" + Seed.ACCOUNT + ":deployment-fleet/" + name + "/");
        assertThat(other.fleet()).contains(":" + Sdk.OTHER_ACCOUNT + ":deployment-fleet/" + name + "/");
        assertThat(other.robot()).contains(":" + Sdk.OTHER_ACCOUNT + ":robot/");
        assertThat(other.application()).contains(":" + Sdk.OTHER_ACCOUNT + ":robot-application/");
        assertThat(other.job()).contains(":" + Sdk.OTHER_ACCOUNT + ":deployment-job/");
    }

    @Test
    void listsWithFiltersShowOnlyTheCallersResources() {
        assertThat(mine.listFleets(r -> r.filters(filter("name", name))).fleetDetails()).extracting(f -> f.arn()).containsExactly(own.fleet());
        assertThat(mine.listRobots(r -> r.filters(filter("fleetName", name))).robots()).extracting(r -> r.arn()).containsExactly(own.robot());
        assertThat(mine.listRobotApplications(r -> r.filters(filter("name", name))).robotApplicationSummaries())
                .extracting(a -> a.arn()).containsExactly(own.application());
        assertThat(mine.listDeploymentJobs(r -> r.filters(filter("fleetName", name))).deploymentJobs()).extracting(j -> j.arn())
                .containsExactly(own.job());
        assertThat(theirs.listFleets(r -> r.filters(filter("name", name))).fleetDetails()).extracting(f -> f.arn())
                .containsExactly(other.fleet());
    }

    @Test
    void unfilteredListsNeverShowAnotherAccountsResources() {
        assertThat(mine.listFleetsPaginator(r -> r.maxResults(200)).fleetDetails()).extracting(f -> f.arn())
                .contains(own.fleet()).noneMatch(arn -> arn.contains(Sdk.OTHER_ACCOUNT));
        assertThat(mine.listRobotsPaginator(r -> r.maxResults(200)).robots()).extracting(r -> r.arn())
                .noneMatch(arn -> arn.contains(Sdk.OTHER_ACCOUNT));
        assertThat(mine.listDeploymentJobsPaginator(r -> r.maxResults(200)).deploymentJobs()).extracting(j -> j.arn())
                .noneMatch(arn -> arn.contains(Sdk.OTHER_ACCOUNT));
        assertThat(mine.listRobotApplicationsPaginator(r -> r.maxResults(100)).robotApplicationSummaries()).extracting(a -> a.arn())
                .noneMatch(arn -> arn.contains(Sdk.OTHER_ACCOUNT));
    }

    @Test
    void describingAnotherAccountsResourceByArnIsResourceNotFound() {
        assertSameAsMissing(arn -> mine.describeFleet(r -> r.fleet(arn)), other.fleet());
        assertSameAsMissing(arn -> mine.describeRobot(r -> r.robot(arn)), other.robot());
        assertSameAsMissing(arn -> mine.describeRobotApplication(r -> r.application(arn)), other.application());
        assertSameAsMissing(arn -> mine.describeDeploymentJob(r -> r.job(arn)), other.job());
        assertSameAsMissing(arn -> mine.listTagsForResource(r -> r.resourceArn(arn)), other.fleet());
        assertThat(outcome(arn -> mine.describeFleet(r -> r.fleet(arn)), other.fleet())).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void changingAnotherAccountsResourceBehavesAsIfItDidNotExistAndChangesNothing() {
        assertSameAsMissing(arn -> mine.tagResource(r -> r.resourceArn(arn).tags(Map.of("x", "y"))), other.fleet());
        assertSameAsMissing(arn -> mine.untagResource(r -> r.resourceArn(arn).tagKeys("owner")), other.robot());
        assertSameAsMissing(arn -> mine.registerRobot(r -> r.fleet(own.fleet()).robot(arn)), other.robot());
        assertSameAsMissing(arn -> mine.registerRobot(r -> r.fleet(arn).robot(own.robot())), other.fleet());
        assertSameAsMissing(arn -> mine.deregisterRobot(r -> r.fleet(arn).robot(own.robot())), other.fleet());
        assertSameAsMissing(arn -> mine.updateRobotApplication(r -> r.application(arn).robotSoftwareSuite(GENERAL)
                .sources(source())), other.application());
        assertSameAsMissing(arn -> mine.createRobotApplicationVersion(r -> r.application(arn)), other.application());
        assertSameAsMissing(arn -> mine.createDeploymentJob(deploy(arn, own.application()).build()), other.fleet());
        assertSameAsMissing(arn -> mine.createDeploymentJob(deploy(own.fleet(), arn).build()), other.application());
        assertSameAsMissing(arn -> mine.syncDeploymentJob(r -> r.fleet(arn)), other.fleet());
        assertSameAsMissing(arn -> mine.cancelDeploymentJob(r -> r.job(arn)), other.job());
        assertSameAsMissing(arn -> mine.deleteRobot(r -> r.robot(arn)), other.robot());
        assertSameAsMissing(arn -> mine.deleteRobotApplication(r -> r.application(arn)), other.application());
        assertSameAsMissing(arn -> mine.deleteFleet(r -> r.fleet(arn)), other.fleet());

        assertThat(theirs.describeFleet(r -> r.fleet(other.fleet())).robots()).extracting(r -> r.arn()).containsExactly(other.robot());
        assertThat(theirs.listTagsForResource(r -> r.resourceArn(other.fleet())).tags()).containsExactly(Map.entry("owner", "them"));
        assertThat(theirs.listTagsForResource(r -> r.resourceArn(other.robot())).tags()).containsExactly(Map.entry("owner", "them"));
        assertThat(theirs.describeRobotApplication(r -> r.application(other.application())).version()).isEqualTo("$LATEST");
        assertThat(theirs.listDeploymentJobs(r -> r.filters(filter("fleetName", name))).deploymentJobs()).hasSize(1);
    }

    @Test
    void aPageTokenOfOneAccountIsInvalidForAnother() {
        mine.createFleet(r -> r.name(name));
        String token = mine.listFleets(r -> r.maxResults(1).filters(filter("name", name))).nextToken();
        assertThat(token).isNotNull();

        assertThatThrownBy(() -> theirs.listFleets(r -> r.maxResults(1).filters(filter("name", name)).nextToken(token)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
        assertThat(mine.listFleets(r -> r.maxResults(1).filters(filter("name", name)).nextToken(token)).fleetDetails()).hasSize(1);
    }

    private static final RobotSoftwareSuite GENERAL = RobotSoftwareSuite.builder().name(RobotSoftwareSuiteType.GENERAL).build();

    private Resources create(RoboMakerClient client) {
        String fleet = client.createFleet(r -> r.name(name).tags(Map.of("owner", client == mine ? "me" : "them"))).arn();
        String robot = client.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)
                .tags(Map.of("owner", client == mine ? "me" : "them"))).arn();
        client.registerRobot(r -> r.fleet(fleet).robot(robot));
        String application = client.createRobotApplication(r -> r.name(name).robotSoftwareSuite(GENERAL).sources(source())).arn();
        client.createRobotApplicationVersion(r -> r.application(application));
        String job = client.createDeploymentJob(deploy(fleet, application).build()).arn();
        return new Resources(fleet, robot, application, job);
    }

    private static SourceConfig source() {
        return SourceConfig.builder().s3Bucket("bucket").s3Key("app.tar.gz").architecture(Architecture.X86_64).build();
    }

    private static CreateDeploymentJobRequest.Builder deploy(String fleet, String application) {
        return CreateDeploymentJobRequest.builder().fleet(fleet).deploymentApplicationConfigs(DeploymentApplicationConfig.builder()
                .application(application).applicationVersion("1")
                .launchConfig(l -> l.packageName("hello_world").launchFile("deploy.launch")).build());
    }

    private static Filter filter(String filterName, String value) {
        return Filter.builder().name(filterName).values(value).build();
    }

    /** The call naming the other account's ARN answers exactly what it answers for an ARN that exists nowhere. */
    private void assertSameAsMissing(Function<String, ?> call, String othersArn) {
        String missing = othersArn.replace(":" + Sdk.OTHER_ACCOUNT + ":", ":" + Seed.ACCOUNT + ":").replace("/" + name + "/",
                "/" + Sdk.unique("none") + "/");
        assertThat(outcome(call, othersArn)).as(othersArn).isEqualTo(outcome(call, missing));
    }

    private static String outcome(Function<String, ?> call, String arn) {
        try {
            call.apply(arn);
            return "success";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode();
        }
    }
}
