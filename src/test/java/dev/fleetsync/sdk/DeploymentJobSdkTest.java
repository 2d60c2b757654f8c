package dev.fleetsync.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static dev.fleetsync.support.Requests.deploy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.robomaker.model.ConcurrentDeploymentException;
import software.amazon.awssdk.services.robomaker.model.CreateDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.DeploymentJob;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;
import software.amazon.awssdk.services.robomaker.model.SyncDeploymentJobResponse;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DeploymentJobSdkTest extends ServiceTest {
    @Test
    void createdJobIsPendingTargetsEveryRobotOfTheFleetAndAppliesDefaults() {
        String fleet = bareFleet();
        List<String> robots = seed.robotsInFleet(fleet, 3);
        String app = seed.applicationWithVersions(2);

        CreateDeploymentJobResponse created = robomaker.createDeploymentJob(deploy(fleet, app, "2").tags(Map.of("wave", "1")).build());

        assertThat(created.arn()).matches("arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-[a-z0-9]{12}");
        assertThat(created.status()).isEqualTo(DeploymentStatus.PENDING);
        assertThat(created.deploymentConfig().concurrentDeploymentPercentage()).isEqualTo(20);
        assertThat(created.deploymentConfig().failureThresholdPercentage()).isEqualTo(25);
        assertThat(created.deploymentConfig().robotDeploymentTimeoutInSeconds()).isEqualTo(18000L);
        assertThat(created.deploymentApplicationConfigs().get(0).applicationVersion()).isEqualTo("2");
        assertThat(created.tags()).containsExactly(Map.entry("wave", "1"));
        DescribeDeploymentJobResponse described = robomaker.describeDeploymentJob(r -> r.job(created.arn()));
        assertThat(described.robotDeploymentSummary()).extracting(RobotDeployment::arn).containsExactlyInAnyOrderElementsOf(robots);
        assertThat(described.robotDeploymentSummary()).extracting(RobotDeployment::status).containsOnly(RobotStatus.PENDING_NEW_DEPLOYMENT);
        assertThat(described.createdAt()).isEqualTo(created.createdAt());
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).lastDeploymentJob()).isEqualTo(created.arn());
    }

    @Test
    void jobForAVersionThatDoesNotExistIsRejectedAndLeavesNothing() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "7").build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("version 7");

        assertThat(jobsOf(fleet)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2147483648", "99999999999999999999"})
    void aVersionNoApplicationCouldHaveIsNotFoundNamingItAsWritten(String version) {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, version).build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("has no version " + version);

        assertThat(jobsOf(fleet)).isEmpty();
    }

    @Test
    void environmentVariableNamesStartingWithAwsAreReservedAndLeaveNothing() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentApplicationConfigs(c -> c.application(app).applicationVersion("1")
                        .launchConfig(l -> l.packageName("p").launchFile("l.launch").environmentVariables(Map.of("AWS_REGION", "x"))))
                .build()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'AWS_REGION'", "deploymentApplicationConfigs[0].launchConfig.environmentVariables", "reserved"));

        assertThat(jobsOf(fleet)).isEmpty();
    }

    @Test
    void latestIsNotADeployableVersion() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "$LATEST").build()))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("deploymentApplicationConfigs[0].applicationVersion"));
    }

    @Test
    void percentagesOutsideOneToHundredAreRejectedNamingTheMember() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(0)).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("deploymentConfig.concurrentDeploymentPercentage");
        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.robotDeploymentTimeoutInSeconds(59L)).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("deploymentConfig.robotDeploymentTimeoutInSeconds");
        assertThat(jobsOf(fleet)).isEmpty();
    }

    @Test
    void secondJobWhileOneIsActiveIsAConcurrentDeployment() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);
        robomaker.createDeploymentJob(deploy(fleet, app, "1").build());

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "1").build()))
                .isInstanceOfSatisfying(ConcurrentDeploymentException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConcurrentDeploymentException"));
        assertThat(jobsOf(fleet)).hasSize(1);
    }

    @Test
    void syncOfAFleetThatNeverHadADeploymentIsNotFound() {
        String fleet = fleet();

        assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(fleet)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no deployment to synchronize to");
    }

    @Test
    void syncOfAnUnknownFleetIsNotFound() {
        String unknown = "arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/nope/1";

        assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(unknown)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(unknown);
    }

    /** A deleted fleet's jobs stay listed, but they give it nothing to synchronize: the fleet itself is not found. */
    @Test
    void syncOfADeletedFleetThatHadADeploymentIsNotFound() {
        String fleet = fleetWithDeployment();
        robomaker.deleteFleet(r -> r.fleet(fleet));

        assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(fleet)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Fleet " + fleet + " does not exist");
        assertThat(jobsOf(fleet)).hasSize(1);
    }

    @Test
    void syncDeploysTheLatestApplicationToRobotsThatJoinedOrFailedSince() {
        String fleet = bareFleet();
        List<String> original = seed.robotsInFleet(fleet, 4);
        String app = seed.applicationWithVersions(1);
        CreateDeploymentJobResponse first = robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(50).failureThresholdPercentage(60)).build());
        seed.finish(first.arn(), "Succeeded", original.subList(0, 3), original.subList(3, 4));
        List<String> joined = seed.robotsInFleet(fleet, 2);

        SyncDeploymentJobResponse synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet));

        assertThat(synced.arn()).isNotEqualTo(first.arn());
        assertThat(synced.status()).isEqualTo(DeploymentStatus.PENDING);
        assertThat(synced.deploymentApplicationConfigs()).isEqualTo(first.deploymentApplicationConfigs());
        assertThat(synced.deploymentConfig()).isEqualTo(first.deploymentConfig());
        assertThat(synced.createdAt()).isAfterOrEqualTo(first.createdAt());
        List<String> targeted = robomaker.describeDeploymentJob(r -> r.job(synced.arn())).robotDeploymentSummary().stream()
                .map(RobotDeployment::arn).toList();
        assertThat(targeted).containsExactlyInAnyOrder(original.get(3), joined.get(0), joined.get(1));
    }

    @Test
    void syncOfAFleetAlreadyInSyncStillMakesAJobWithNoRobots() {
        String fleet = bareFleet();
        List<String> robots = seed.robotsInFleet(fleet, 2);
        String app = seed.applicationWithVersions(1);
        String first = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        seed.finish(first, "Succeeded", robots, List.of());

        SyncDeploymentJobResponse synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet));

        assertThat(robomaker.describeDeploymentJob(r -> r.job(synced.arn())).robotDeploymentSummary()).isEmpty();
    }

    @Test
    void syncSkipsCanceledJobsWhenChoosingTheLatestDeployment() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(2);
        String succeeded = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        seed.finish(succeeded, "Succeeded", List.of(), List.of());
        String canceled = robomaker.createDeploymentJob(deploy(fleet, app, "2").build()).arn();
        robomaker.cancelDeploymentJob(r -> r.job(canceled));

        SyncDeploymentJobResponse synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet));

        assertThat(synced.deploymentApplicationConfigs().get(0).applicationVersion()).isEqualTo("1");
    }

    @Test
    void sameTokenAndParametersReplayTheSameJob() {
        String fleet = fleetWithDeployment();
        String token = UUID.randomUUID().toString();

        SyncDeploymentJobResponse first = robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));
        SyncDeploymentJobResponse again = robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));

        assertThat(again.arn()).isEqualTo(first.arn());
        assertThat(again.createdAt()).isEqualTo(first.createdAt());
        // every member but the status, which the rollout may have moved on, is the stored job's
        assertThat(again.toBuilder().status((String) null).build())
                .usingEquals((a, b) -> a.equalsBySdkFields(b)).isEqualTo(first.toBuilder().status((String) null).build());
        assertThat(jobsOf(fleet)).hasSize(2);
    }

    @Test
    void aReplayedCreateAnswersEveryMemberOfTheStoredJob() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);
        String token = UUID.randomUUID().toString();
        var request = deploy(fleet, app, "1").clientRequestToken(token).deploymentConfig(c -> c.concurrentDeploymentPercentage(35)
                .failureThresholdPercentage(10).robotDeploymentTimeoutInSeconds(600L)
                .downloadConditionFile(f -> f.bucket("conditions").key("robot/ready.txt").etag("\"abc\""))).build();

        CreateDeploymentJobResponse first = robomaker.createDeploymentJob(request);
        CreateDeploymentJobResponse again = robomaker.createDeploymentJob(request);

        assertThat(again.toBuilder().status((String) null).build())
                .usingEquals((a, b) -> a.equalsBySdkFields(b)).isEqualTo(first.toBuilder().status((String) null).build());
        assertThat(again.deploymentConfig().downloadConditionFile().key()).isEqualTo("robot/ready.txt");
        assertThat(again.deploymentApplicationConfigs().get(0).launchConfig().environmentVariables()).containsEntry("MODE", "test");
    }

    @Test
    void sameTokenWithOtherParametersIsAMismatch() {
        String fleet = fleetWithDeployment();
        String other = fleetWithDeployment();
        String token = UUID.randomUUID().toString();
        robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));

        assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(other).clientRequestToken(token)))
                .isInstanceOfSatisfying(IdempotentParameterMismatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatchException"));
        assertThat(jobsOf(other)).hasSize(1);
    }

    @Test
    void tokenOfASyncCannotBeReusedForACreate() {
        String fleet = fleetWithDeployment();
        String token = UUID.randomUUID().toString();
        SyncDeploymentJobResponse synced = robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));
        robomaker.cancelDeploymentJob(r -> r.job(synced.arn()));
        String app = seed.applicationWithVersions(1);

        assertThatThrownBy(() -> robomaker.createDeploymentJob(deploy(fleet, app, "1").clientRequestToken(token).build()))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void failedCallStoresNoToken() {
        String fleet = fleet();
        String token = UUID.randomUUID().toString();
        assertThatThrownBy(() -> robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token)))
                .isInstanceOf(ResourceNotFoundException.class);
        String app = seed.applicationWithVersions(1);

        CreateDeploymentJobResponse created = robomaker.createDeploymentJob(deploy(fleet, app, "1").clientRequestToken(token).build());

        assertThat(created.status()).isEqualTo(DeploymentStatus.PENDING);
    }

    @Test
    void replayReportsTheJobsCurrentStatus() {
        String fleet = fleetWithDeployment();
        String token = UUID.randomUUID().toString();
        String arn = robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token)).arn();
        robomaker.cancelDeploymentJob(r -> r.job(arn));

        SyncDeploymentJobResponse replayed = robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(token));

        assertThat(replayed.arn()).isEqualTo(arn);
        assertThat(replayed.status()).isEqualTo(DeploymentStatus.CANCELED);
    }

    @Test
    void cancelEndsAnActiveJobAndFreesTheFleet() {
        String fleet = fleet();
        List<String> robots = seed.robotsInFleet(fleet, 2);
        String app = seed.applicationWithVersions(1);
        String arn = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();

        robomaker.cancelDeploymentJob(r -> r.job(arn));
        robomaker.cancelDeploymentJob(r -> r.job(arn));

        assertThat(robomaker.describeDeploymentJob(r -> r.job(arn)).status()).isEqualTo(DeploymentStatus.CANCELED);
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).lastDeploymentStatus()).isEqualTo(DeploymentStatus.CANCELED);
        assertThat(seed.count("select count(*) from robot where arn = any($1) and status = 'Registered'", (Object) robots.toArray(new String[0])))
                .isEqualTo(2);
        assertThat(robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).status()).isEqualTo(DeploymentStatus.PENDING);
    }

    @Test
    void finishedJobCannotBeCanceled() {
        String fleet = fleet();
        String app = seed.applicationWithVersions(1);
        String arn = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
        seed.finish(arn, "Succeeded", List.of(), List.of());

        assertThatThrownBy(() -> robomaker.cancelDeploymentJob(r -> r.job(arn)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Succeeded");
    }

    @Test
    void unknownJobIsNotFound() {
        String unknown = "arn:aws:robomaker:us-west-2:123456789012:deployment-job/deployment-000000000000";

        assertThatThrownBy(() -> robomaker.describeDeploymentJob(r -> r.job(unknown))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> robomaker.cancelDeploymentJob(r -> r.job(unknown))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listFiltersByFleetNameAndStatusAndPages() {
        String name = Sdk.unique("listed");
        String fleet = robomaker.createFleet(r -> r.name(name)).arn();
        seed.robotsInFleet(fleet, 1);
        String app = seed.applicationWithVersions(1);
        for (int i = 0; i < 3; i++) {
            String arn = robomaker.createDeploymentJob(deploy(fleet, app, "1").build()).arn();
            seed.finish(arn, "Succeeded", List.of(), List.of());
        }
        robomaker.createDeploymentJob(deploy(fleet, app, "1").build());

        List<DeploymentJob> all = robomaker.listDeploymentJobsPaginator(r -> r.maxResults(1)
                .filters(Filter.builder().name("fleetName").values(name).build())).deploymentJobs().stream().toList();
        assertThat(all).hasSize(4).allMatch(j -> j.fleet().equals(fleet));
        assertThat(robomaker.listDeploymentJobsPaginator(r -> r.filters(Filter.builder().name("status").values("Succeeded").build()))
                .deploymentJobs().stream().toList()).allMatch(j -> j.status() == DeploymentStatus.SUCCEEDED)
                .filteredOn(j -> j.fleet().equals(fleet)).hasSize(3);
        assertThatThrownBy(() -> robomaker.listDeploymentJobs(r -> r.filters(Filter.builder().name("status").values("Done").build())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("enum value set");
    }

    /** A fleet with no robots yet. */
    private String bareFleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("fleet"))).arn();
    }

    /** A fleet with one robot that never polls, so that a job on it stays active while the rollout runs. */
    private String fleet() {
        String fleet = bareFleet();
        seed.robotsInFleet(fleet, 1);
        return fleet;
    }

    /** A fleet whose one deployment finished, so that it can be synced. */
    private String fleetWithDeployment() {
        String fleet = fleet();
        String arn = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        seed.finish(arn, "Succeeded", List.of(), List.of());
        return fleet;
    }

    private List<String> jobsOf(String fleet) {
        return robomaker.listDeploymentJobsPaginator(r -> r.maxResults(200)).deploymentJobs().stream()
                .filter(j -> j.fleet().equals(fleet)).map(DeploymentJob::arn).toList();
    }
}
