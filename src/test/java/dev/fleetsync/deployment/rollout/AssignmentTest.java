package dev.fleetsync.deployment.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateDeploymentJobRequest;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteVersionType;
import software.amazon.awssdk.services.robomaker.model.RobotStatus;
import software.amazon.awssdk.services.robomaker.model.Source;
import software.amazon.awssdk.services.robomaker.model.SourceConfig;

/**
 * The poll answer is a complete assignment (protocol version 2), and a robot whose architecture has no source in the
 * job's application version is never handed the job: it fails at its turn (MissingRobotApplicationArchitecture).
 * Fleets, robots, applications and jobs are made through the SDK, as users make them.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class AssignmentTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void theRobotIsHandedEverythingTheVersionAndTheJobHold() {
        String fleet = fleet();
        String robot = robotIn(fleet, "picker", Architecture.X86_64);
        String app = application(source("bundles", "picker/x86.tar.gz", Architecture.X86_64),
                source("bundles", "picker/arm.tar.gz", Architecture.ARM64));
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        // $LATEST moves on after the snapshot: the robot must get version 1 as it was taken
        robomaker.updateRobotApplication(r -> r.application(app).sources(source("bundles", "picker/next.tar.gz", Architecture.X86_64))
                .robotSoftwareSuite(s -> s.name(RobotSoftwareSuiteType.ROS2).version(RobotSoftwareSuiteVersionType.DASHING)));
        DescribeRobotApplicationResponse version = robomaker.describeRobotApplication(r -> r.application(app).applicationVersion("1"));
        String job = robomaker.createDeploymentJob(CreateDeploymentJobRequest.builder().fleet(fleet)
                .deploymentApplicationConfigs(c -> c.application(app).applicationVersion("1").launchConfig(l -> l.packageName("picker")
                        .launchFile("picker.launch.py").preLaunchFile("scripts/pre.sh").postLaunchFile("scripts/post.sh")
                        .environmentVariables(Map.of("MODE", "prod", "ZONE", "b"))))
                .deploymentConfig(d -> d.robotDeploymentTimeoutInSeconds(900L)
                        .downloadConditionFile(f -> f.bucket("conditions").key("check.sh").etag("\"cond-etag\"")))
                .build()).arn();

        String body = await().atMost(SOON).until(() -> new Agent(endpoint, robot).pollBody(1), b -> b.contains("deploymentJob"));
        JsonPath work = new JsonPath(body);

        Source x86 = sourceOf(version, Architecture.X86_64);
        assertThat(work.getInt("protocolVersion")).isEqualTo(2);
        assertThat(work.getString("deploymentJob")).isEqualTo(job);
        assertThat(work.getString("application")).isEqualTo(app);
        assertThat(work.getString("applicationVersion")).isEqualTo("1");
        assertThat(work.getMap("robotSoftwareSuite")).isEqualTo(Map.of("name", "ROS2", "version", "Foxy"));
        assertThat(work.getMap("source")).isEqualTo(Map.of("architecture", "X86_64", "s3Bucket", x86.s3Bucket(), "s3Key", x86.s3Key(),
                "etag", x86.etag()));
        assertThat(x86.s3Key()).isEqualTo("picker/x86.tar.gz");
        assertThat(work.getMap("launchConfig")).isEqualTo(Map.of("packageName", "picker", "launchFile", "picker.launch.py",
                "preLaunchFile", "scripts/pre.sh", "postLaunchFile", "scripts/post.sh",
                "environmentVariables", Map.of("MODE", "prod", "ZONE", "b")));
        assertThat(work.getMap("downloadConditionFile")).isEqualTo(Map.of("bucket", "conditions", "key", "check.sh",
                "etag", "\"cond-etag\""));
        assertThat(work.getLong("robotDeploymentTimeoutInSeconds")).isEqualTo(900L);
        RobotDeployment started = robomaker.describeDeploymentJob(r -> r.job(job)).robotDeploymentSummary().get(0);
        BigDecimal timeoutAt = new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).get("timeoutAt");
        assertThat(timeoutAt)
                .isEqualByComparingTo(BigDecimal.valueOf(started.deploymentStartTime().plusSeconds(900).toEpochMilli(), 3));
    }

    @Test
    void withoutADownloadConditionTheMemberIsAbsent() {
        String fleet = fleet();
        String robot = robotIn(fleet, "plain", Architecture.X86_64);
        String app = application(source("bundles", "plain.tar.gz", Architecture.X86_64));
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        deploy(fleet, app, 100, 100);

        JsonPath work = awaitWork(new Agent(endpoint, robot));

        assertThat(work.getMap("$")).containsKey("source").doesNotContainKey("downloadConditionFile");
    }

    @Test
    void aTwoArchitectureVersionHandsEachRobotTheSourceForItsOwnArchitecture() {
        String fleet = fleet();
        String x86 = robotIn(fleet, "a-x86", Architecture.X86_64);
        String arm = robotIn(fleet, "b-arm", Architecture.ARM64);
        String app = application(source("bundles", "two/x86.tar.gz", Architecture.X86_64),
                source("bundles", "two/arm.tar.gz", Architecture.ARM64));
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        DescribeRobotApplicationResponse version = robomaker.describeRobotApplication(r -> r.application(app).applicationVersion("1"));
        deploy(fleet, app, 100, 100);

        JsonPath x86Work = awaitWork(new Agent(endpoint, x86));
        JsonPath armWork = awaitWork(new Agent(endpoint, arm));

        assertThat(x86Work.getString("source.architecture")).isEqualTo("X86_64");
        assertThat(x86Work.getString("source.s3Key")).isEqualTo("two/x86.tar.gz");
        assertThat(x86Work.getString("source.etag")).isEqualTo(sourceOf(version, Architecture.X86_64).etag());
        assertThat(armWork.getString("source.architecture")).isEqualTo("ARM64");
        assertThat(armWork.getString("source.s3Key")).isEqualTo("two/arm.tar.gz");
        assertThat(armWork.getString("source.etag")).isEqualTo(sourceOf(version, Architecture.ARM64).etag());
    }

    @Test
    void aRobotWithoutASourceForItsArchitectureIsNeverHandedTheJobAndBelowTheThresholdTheOthersSucceed() {
        String fleet = fleet();
        String arm = robotIn(fleet, "a-arm", Architecture.ARM64);
        List<String> x86 = List.of(robotIn(fleet, "b-x86", Architecture.X86_64), robotIn(fleet, "c-x86", Architecture.X86_64),
                robotIn(fleet, "d-x86", Architecture.X86_64));
        String app = x86OnlyVersion();
        // one robot at a time: the ARM robot's turn is first, takes no slot, and the X86 robots follow one by one
        String job = deploy(fleet, app, 1, 50);
        Agent armAgent = new Agent(endpoint, arm);

        for (String robot : x86) {
            Agent agent = new Agent(endpoint, robot);
            awaitWork(agent);
            assertThat(armAgent.poll(0).getMap("$")).isEmpty();
            agent.reportOk(job, "Finished", 100, "Succeeded", null);
        }

        DescribeDeploymentJobResponse done = awaitStatus(job, DeploymentStatus.SUCCEEDED);
        assertThat(armAgent.poll(0).getMap("$")).isEmpty();
        RobotDeployment failed = byRobot(done).get(arm);
        assertThat(failed.status()).isEqualTo(RobotStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        assertThat(failed.failureReason()).contains("ARM64", "Version 1", app);
        assertThat(x86).allSatisfy(robot -> assertThat(byRobot(done).get(robot).status()).isEqualTo(RobotStatus.IN_SYNC));
        assertThat(robomaker.describeRobot(r -> r.robot(arm)).status()).isEqualTo(RobotStatus.FAILED);
    }

    /** The ARM robot's turn comes after the X86 robot started: the job fails once the running robot has finished. */
    @Test
    void failuresForMissingArchitecturesThatReachTheThresholdFailTheJob() {
        String fleet = fleet();
        String x86 = robotIn(fleet, "a-x86", Architecture.X86_64);
        String arm = robotIn(fleet, "b-arm", Architecture.ARM64);
        String job = deploy(fleet, x86OnlyVersion(), 100, 50);
        Agent x86Agent = new Agent(endpoint, x86);

        awaitWork(x86Agent);
        assertThat(new Agent(endpoint, arm).poll(0).getMap("$")).isEmpty();
        x86Agent.reportOk(job, "Finished", 100, "Succeeded", null);

        DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        assertThat(failed.failureReason()).contains("1 of 2 robots failed", "50%");
        assertThat(byRobot(failed).get(arm).failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        assertThat(byRobot(failed).get(x86).status()).isEqualTo(RobotStatus.IN_SYNC);
    }

    @Test
    void aJobWhoseVersionFitsNoRobotFailsWithoutHandingAnything() {
        String fleet = fleet();
        List<String> arm = List.of(robotIn(fleet, "a-arm", Architecture.ARM64), robotIn(fleet, "b-armhf", Architecture.ARMHF));
        String job = deploy(fleet, x86OnlyVersion(), 100, 100);

        DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);

        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        assertThat(failed.robotDeploymentSummary()).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(RobotStatus.FAILED);
            assertThat(d.failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        });
        assertThat(byRobot(failed).get(arm.get(1)).failureReason()).contains("ARMHF");
        assertThat(arm).allSatisfy(robot -> assertThat(new Agent(endpoint, robot).poll(0).getMap("$")).isEmpty());
    }

    /** The version is deleted between the robot's turn and its poll: the robot still gets its job, without what was lost. */
    @Test
    void aVersionDeletedAfterTheRobotsTurnLeavesSuiteAndSourceOut() {
        String fleet = fleet();
        String robot = robotIn(fleet, "late", Architecture.X86_64);
        String app = x86OnlyVersion();
        String job = deploy(fleet, app, 100, 100);
        await().atMost(SOON).until(() -> robomaker.describeDeploymentJob(r -> r.job(job)).robotDeploymentSummary().get(0)
                .deploymentStartTime() != null);

        robomaker.deleteRobotApplication(r -> r.application(app).applicationVersion("1"));
        JsonPath work = new Agent(endpoint, robot).poll(0);

        assertThat(work.getString("deploymentJob")).isEqualTo(job);
        assertThat(work.getMap("$")).doesNotContainKeys("robotSoftwareSuite", "source").containsKey("launchConfig");
    }

    /** Turns are taken in ARN order: once a failure reaches the threshold, no later robot's turn comes, in the same wave. */
    @Test
    void theFailureThatReachesTheThresholdIsTheLastTurn() {
        String fleet = fleet();
        String first = robotIn(fleet, "a-arm", Architecture.ARM64);
        String second = robotIn(fleet, "b-arm", Architecture.ARM64);
        String x86 = robotIn(fleet, "c-x86", Architecture.X86_64);
        String job = deploy(fleet, x86OnlyVersion(), 100, 25);

        DescribeDeploymentJobResponse failed = awaitStatus(job, DeploymentStatus.FAILED);

        assertThat(failed.failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_APPLICATION_ARCHITECTURE);
        Map<String, RobotDeployment> robots = byRobot(failed);
        assertThat(robots.get(first).status()).isEqualTo(RobotStatus.FAILED);
        assertThat(robots.get(second).status()).isEqualTo(RobotStatus.PENDING_NEW_DEPLOYMENT);
        assertThat(robots.get(second).failureCode()).isNull();
        assertThat(robots.get(x86).deploymentStartTime()).isNull();
        assertThat(new Agent(endpoint, x86).poll(0).getMap("$")).isEmpty();
    }

    /** A robot deleted before its turn has no architecture left: it fails at once instead of holding a slot until it times out. */
    @Test
    void aRobotDeletedBeforeItsTurnFailsWithMissingRobotArchitecture() {
        String fleet = fleet();
        String first = robotIn(fleet, "a-x86", Architecture.X86_64);
        String deleted = robotIn(fleet, "b-x86", Architecture.X86_64);
        String job = deploy(fleet, x86OnlyVersion(), 1, 100);
        Agent agent = new Agent(endpoint, first);
        awaitWork(agent);

        robomaker.deleteRobot(r -> r.robot(deleted));
        agent.reportOk(job, "Finished", 100, "Succeeded", null);

        RobotDeployment gone = byRobot(awaitStatus(job, DeploymentStatus.SUCCEEDED)).get(deleted);
        assertThat(gone.status()).isEqualTo(RobotStatus.FAILED);
        assertThat(gone.failureCode()).isEqualTo(DeploymentJobErrorCode.MISSING_ROBOT_ARCHITECTURE);
        assertThat(gone.failureReason()).contains("no longer exists");
    }

    private String fleet() {
        return robomaker.createFleet(r -> r.name(Sdk.unique("fleet"))).arn();
    }

    /** A robot in the fleet; robots of one test are taken in the order of their names. */
    private String robotIn(String fleet, String name, Architecture architecture) {
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique(name)).architecture(architecture)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    /** A ROS2 Foxy application with these sources ($LATEST only). */
    private String application(SourceConfig... sources) {
        return robomaker.createRobotApplication(r -> r.name(Sdk.unique("app")).sources(sources)
                .robotSoftwareSuite(s -> s.name(RobotSoftwareSuiteType.ROS2).version(RobotSoftwareSuiteVersionType.FOXY))).arn();
    }

    /** An application whose version 1 has an X86_64 source only. */
    private String x86OnlyVersion() {
        String app = application(source("bundles", "x86-only.tar.gz", Architecture.X86_64));
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        return app;
    }

    private String deploy(String fleet, String app, int concurrentPercentage, int failureThresholdPercentage) {
        return robomaker.createDeploymentJob(CreateDeploymentJobRequest.builder().fleet(fleet)
                .deploymentApplicationConfigs(c -> c.application(app).applicationVersion("1")
                        .launchConfig(l -> l.packageName("pkg").launchFile("run.launch")))
                .deploymentConfig(d -> d.concurrentDeploymentPercentage(concurrentPercentage)
                        .failureThresholdPercentage(failureThresholdPercentage))
                .build()).arn();
    }

    private static SourceConfig source(String bucket, String key, Architecture architecture) {
        return SourceConfig.builder().s3Bucket(bucket).s3Key(key).architecture(architecture).build();
    }

    private static Source sourceOf(DescribeRobotApplicationResponse version, Architecture architecture) {
        return version.sources().stream().filter(s -> s.architecture() == architecture).findFirst().orElseThrow();
    }

    private static Map<String, RobotDeployment> byRobot(DescribeDeploymentJobResponse job) {
        return job.robotDeploymentSummary().stream().collect(Collectors.toMap(RobotDeployment::arn, Function.identity()));
    }

    private JsonPath awaitWork(Agent agent) {
        return await().atMost(SOON).until(() -> agent.poll(1), work -> work.getString("deploymentJob") != null);
    }

    private DescribeDeploymentJobResponse awaitStatus(String job, DeploymentStatus status) {
        return await().atMost(SOON).pollInterval(Duration.ofMillis(100))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)), d -> d.status() == status);
    }
}
