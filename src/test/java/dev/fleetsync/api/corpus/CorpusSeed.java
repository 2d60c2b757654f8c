package dev.fleetsync.api.corpus;

import dev.fleetsync.support.Requests;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteVersionType;

/**
 * Real resources for the valid bodies to name, made through the SDK: a fleet with a registered robot and a pending job
 * of an application's version 1, an idle fleet, an unregistered robot, a robot credential and a webhook subscription. An operation names the
 * one its valid call would succeed on (DeleteFleet the idle fleet, RegisterRobot the free robot, ...).
 */
record CorpusSeed(String fleet, String idleFleet, String robot, String freeRobot, String application, String job,
        String credentialKeyId, String subscription, String suffix) {
    /** Where the seeded and the valid calls' webhook subscriptions point: a closed local port, never a real receiver. */
    static final String WEBHOOK_URL = "http://127.0.0.1:9/corpus";

    /** The members whose valid value is another resource than the default for that member. */
    private static final Map<String, String> OTHER = Map.of("CreateDeploymentJob.fleet", "idleFleet", "DeleteFleet.fleet", "idleFleet",
            "RegisterRobot.fleet", "idleFleet", "RegisterRobot.robot", "freeRobot", "DeleteRobot.robot", "freeRobot");

    static CorpusSeed create(URI endpoint) {
        RoboMakerClient sdk = Sdk.client(endpoint);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String fleet = sdk.createFleet(r -> r.name("corpus-fleet-" + suffix)).arn();
        String idle = sdk.createFleet(r -> r.name("corpus-idle-" + suffix)).arn();
        String robot = robot(sdk, "corpus-robot-" + suffix);
        String free = robot(sdk, "corpus-free-" + suffix);
        sdk.registerRobot(r -> r.fleet(fleet).robot(robot));
        String application = sdk.createRobotApplication(r -> r.name("corpus-app-" + suffix)
                .robotSoftwareSuite(s -> s.name(RobotSoftwareSuiteType.ROS).version(RobotSoftwareSuiteVersionType.MELODIC))
                .sources(s -> s.s3Bucket("corpus-bundles").s3Key("app.tar.gz").architecture(Architecture.X86_64))).arn();
        sdk.createRobotApplicationVersion(r -> r.application(application));
        String job = sdk.createDeploymentJob(Requests.deploy(fleet, application, "1").clientRequestToken("corpus-" + suffix).build()).arn();
        String key = new RobotCredentialCalls(endpoint).issue(robot).accessKeyId();
        String subscription = subscription(new RobotCredentialCalls(endpoint));
        return new CorpusSeed(fleet, idle, robot, free, application, job, key, subscription, suffix);
    }

    /**
     * A disabled subscription: nothing is delivered to it, so no delivery writes while the corpus compares the database.
     * Earlier seeds' subscriptions are deleted first, or the account would reach its limit of 10.
     */
    private static String subscription(RobotCredentialCalls calls) {
        var listed = calls.post("/listWebhookSubscriptions", "{\"maxResults\": 100}").then().statusCode(200).extract().jsonPath();
        List<String> ids = listed.getList("subscriptions.findAll { it.url == '" + WEBHOOK_URL + "' }.id", String.class);
        ids.forEach(id -> calls.post("/deleteWebhookSubscription", "{\"id\": \"" + id + "\"}").then().statusCode(200));
        String id = calls.post("/createWebhookSubscription", "{\"url\": \"" + WEBHOOK_URL + "\"}").then().statusCode(200)
                .extract().jsonPath().getString("id");
        calls.post("/updateWebhookSubscription", "{\"id\": \"" + id + "\", \"enabled\": false}").then().statusCode(200);
        return id;
    }

    private static String robot(RoboMakerClient sdk, String name) {
        return sdk.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)).arn();
    }

    /** The ARN a valid call of the operation gives the member. */
    String arnFor(String operation, String member) {
        String which = OTHER.getOrDefault(operation + "." + member, member);
        return switch (which) {
            case "fleet", "resourceArn" -> fleet;
            case "idleFleet" -> idleFleet;
            case "robot" -> robot;
            case "freeRobot" -> freeRobot;
            case "application" -> application;
            case "job", "deploymentJob" -> job;
            default -> throw new IllegalStateException("no seeded ARN for " + operation + "." + member + ": add one to CorpusSeed");
        };
    }
}
