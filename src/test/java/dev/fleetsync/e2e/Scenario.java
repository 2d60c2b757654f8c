package dev.fleetsync.e2e;

import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.RobotCredentialCalls.Issued;
import dev.fleetsync.support.Sdk;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.DeploymentApplicationConfig;
import software.amazon.awssdk.services.robomaker.model.DeploymentJobErrorCode;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.DescribeDeploymentJobResponse;
import software.amazon.awssdk.services.robomaker.model.DeploymentLaunchConfig;
import software.amazon.awssdk.services.robomaker.model.RobotDeployment;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuite;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteVersionType;
import software.amazon.awssdk.services.robomaker.model.SourceConfig;

/** What the end-to-end tests do alike through the official SDK: a fleet of robots with credentials, versions, jobs. */
final class Scenario {
    /** Generous: the agents are real processes on a shared machine. Nothing is timed. */
    static final Duration PATIENCE = Duration.ofMinutes(3);
    static final String PACKAGE = "picker";
    static final String LAUNCH_FILE = "pick.launch.py";
    private static final Set<DeploymentStatus> OVER = Set.of(DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED,
            DeploymentStatus.CANCELED);

    final URI endpoint;
    final RoboMakerClient sdk;
    final Agents agents;
    final String bucket = Sdk.unique("bundles");
    final String fleet;

    /** {@code sdk} belongs to the test, which closes it. */
    Scenario(URI endpoint, RoboMakerClient sdk, Agents agents) {
        this.endpoint = endpoint;
        this.agents = agents;
        this.sdk = sdk;
        this.fleet = sdk.createFleet(r -> r.name(Sdk.unique("e2e"))).arn();
    }

    /** A robot registered in the fleet, and a credential of its own. */
    record Robot(String arn, Issued credential) {
    }

    Robot robot(Architecture architecture) {
        String arn = sdk.createRobot(r -> r.name(Sdk.unique("robot")).architecture(architecture)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        sdk.registerRobot(r -> r.fleet(fleet).robot(arn));
        return new Robot(arn, new RobotCredentialCalls(endpoint).issue(arn));
    }

    List<Robot> robots(int count) {
        List<Robot> robots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            robots.add(robot(Architecture.X86_64));
        }
        return robots;
    }

    /** Agents started for the robots, with default settings. */
    List<RobotAgent> agentsFor(List<Robot> robots) {
        return robots.stream().map(r -> agents.start(endpoint, r.arn(), r.credential())).toList();
    }

    RobotAgent agentFor(Robot robot, Map<String, String> settings, Map<String, String> environment) {
        return agents.agent(endpoint, robot.arn(), robot.credential(), settings, environment).start();
    }

    /**
     * A bundle whose VERSION file says {@code label}, with a pre-launch file that fails when the robot's environment
     * has {@code E2E_FAIL_PRE_LAUNCH}, waits while the file named by {@code E2E_HOLD} exists, and leaves a mark.
     */
    static Bundles.Bundle bundle(String label) {
        return Bundles.bundle().file("VERSION", label)
                .script("pre.sh", """
                        echo "pre-launch of %s" >> pre-launch.ran
                        if [ -n "$E2E_HOLD" ]; then touch "$E2E_HOLD.reached"; while [ -e "$E2E_HOLD" ]; do sleep 0.2; done; fi
                        if [ -n "$E2E_FAIL_PRE_LAUNCH" ]; then echo "not ready: the arm is not calibrated" >&2; exit 3; fi
                        exit 0""".formatted(label))
                .script("post.sh", "echo post-launch >> post-launch.ran");
    }

    /** An application whose X86_64 source is that bundle, and its version 1; answers the application's ARN. */
    String application(String key, Bundles.Bundle bundle) {
        Bundles.put(bucket, key, bundle.tarGz());
        String arn = sdk.createRobotApplication(r -> r.name(Sdk.unique("app")).robotSoftwareSuite(ros2())
                .sources(SourceConfig.builder().s3Bucket(bucket).s3Key(key).architecture(Architecture.X86_64).build())).arn();
        sdk.createRobotApplicationVersion(r -> r.application(arn));
        return arn;
    }

    /** A new version of the application, from a new bundle under a new key. */
    String newVersion(String application, String key, Bundles.Bundle bundle) {
        Bundles.put(bucket, key, bundle.tarGz());
        sdk.updateRobotApplication(r -> r.application(application).robotSoftwareSuite(ros2())
                .sources(SourceConfig.builder().s3Bucket(bucket).s3Key(key).architecture(Architecture.X86_64).build()));
        return sdk.createRobotApplicationVersion(r -> r.application(application)).version();
    }

    /** A job deploying the version to the whole fleet at once, with the bundle's scripts and these variables. */
    String deploy(String application, String version, Map<String, String> variables, Consumer<software.amazon.awssdk.services.robomaker.model.DeploymentConfig.Builder> config) {
        return sdk.createDeploymentJob(r -> r.fleet(fleet).clientRequestToken(UUID.randomUUID().toString())
                .deploymentConfig(c -> {
                    c.concurrentDeploymentPercentage(100).failureThresholdPercentage(100);
                    config.accept(c);
                })
                .deploymentApplicationConfigs(DeploymentApplicationConfig.builder().application(application).applicationVersion(version)
                        .launchConfig(DeploymentLaunchConfig.builder().packageName(PACKAGE).launchFile(LAUNCH_FILE)
                                .environmentVariables(variables).preLaunchFile("pre.sh").postLaunchFile("post.sh").build())
                        .build())).arn();
    }

    String deploy(String application, String version) {
        return deploy(application, version, Map.of("ROBOT_MODE", "e2e"), c -> {
        });
    }

    DescribeDeploymentJobResponse describe(String job) {
        return sdk.describeDeploymentJob(r -> r.job(job));
    }

    /** The job once it is over (Succeeded, Failed or Canceled). */
    DescribeDeploymentJobResponse awaitOver(String job) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> describe(job), d -> OVER.contains(d.status()));
    }

    RobotDeployment robotIn(DescribeDeploymentJobResponse job, String robotArn) {
        return job.robotDeploymentSummary().stream().filter(d -> d.arn().equals(robotArn)).findFirst().orElseThrow();
    }

    static boolean failedWith(RobotDeployment deployment, DeploymentJobErrorCode code) {
        return deployment.failureCode() == code;
    }

    private static RobotSoftwareSuite ros2() {
        return RobotSoftwareSuite.builder().name(RobotSoftwareSuiteType.ROS2).version(RobotSoftwareSuiteVersionType.FOXY).build();
    }
}
