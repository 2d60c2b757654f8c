package dev.fleetsync.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's AWS CLIs have no robomaker commands; with the model the service publishes added, they have them again. Each
 * subclass runs one CLI as a user would, in a home of its own: {@link CurrentCliTest} the machine's,
 * {@link NewestCliTest} the newest a package registry has.
 */
abstract class AddedModelCliTest extends ServiceTest {
    @TempDir
    Path home;

    @BeforeEach
    void addModel() throws IOException {
        String model = RestAssured.given().baseUri(endpoint.toString()).get("/model/" + ServiceModel.FILE_NAME)
                .then().statusCode(200).extract().asString();
        Path file = home.resolve(ServiceModel.FILE_NAME);
        Files.writeString(file, model);
        Result added = aws("configure", "add-model", "--service-model", "file://" + file, "--service-name", "robomaker");
        assertThat(added.exit()).as(added.err()).isZero();
    }

    @Test
    void theServedModelIsTheGeneratedOneAndNeedsNoSignature() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(RestAssured.given().baseUri(endpoint.toString())
                .get("/model/" + ServiceModel.FILE_NAME).then().statusCode(200).extract().asString());

        // through text on both sides, so that numbers compare by value whatever node type built them
        assertThat(served).isEqualTo(json.readTree(json.writeValueAsString(ServiceModel.build())));
    }

    @Test
    void aCurrentCliCreatesListsAndDescribesThroughTheAddedModel() throws IOException {
        String name = Sdk.unique("cli");
        JsonNode fleet = json(ok(aws("robomaker", "create-fleet", "--name", name, "--tags", "team=ops")));
        String fleetArn = fleet.get("arn").asText();
        String robotArn = json(ok(aws("robomaker", "create-robot", "--name", name, "--architecture", "ARM64",
                "--greengrass-group-id", java.util.UUID.randomUUID().toString()))).get("arn").asText();
        ok(aws("robomaker", "register-robot", "--fleet", fleetArn, "--robot", robotArn));

        JsonNode described = json(ok(aws("robomaker", "describe-fleet", "--fleet", fleetArn)));
        JsonNode listed = json(ok(aws("robomaker", "list-fleets", "--filters", "name=name,values=" + name)));
        JsonNode tags = json(ok(aws("robomaker", "list-tags-for-resource", "--resource-arn", fleetArn)));

        assertThat(described.at("/robots/0/arn").asText()).isEqualTo(robotArn);
        assertThat(described.at("/robots/0/architecture").asText()).isEqualTo("ARM64");
        assertThat(listed.at("/fleetDetails/0/arn").asText()).isEqualTo(fleetArn);
        assertThat(tags.at("/tags/team").asText()).isEqualTo("ops");
    }

    @Test
    void theCliFillsInTheClientTokenAndShowsTheServicesErrors() {
        String fleetArn = json(ok(aws("robomaker", "create-fleet", "--name", Sdk.unique("cli")))).get("arn").asText();

        Result sync = aws("robomaker", "sync-deployment-job", "--fleet", fleetArn);

        // the token was filled in by the CLI (the service requires one), and the refusal is the service's own
        assertThat(sync.exit()).isNotZero();
        assertThat(sync.err()).contains("ResourceNotFoundException").contains("no deployment to synchronize to");
    }

    @Test
    void theSameCliIssuesAndRevokesRobotCredentials() {
        String robotArn = json(ok(aws("robomaker", "create-robot", "--name", Sdk.unique("cli"), "--architecture", "X86_64",
                "--greengrass-group-id", java.util.UUID.randomUUID().toString()))).get("arn").asText();

        JsonNode issued = json(ok(aws("robomaker", "create-robot-credential", "--robot", robotArn)));
        String keyId = issued.get("accessKeyId").asText();
        JsonNode listed = json(ok(aws("robomaker", "list-robot-credentials", "--robot", robotArn)));
        ok(aws("robomaker", "delete-robot-credential", "--access-key-id", keyId));

        assertThat(issued.get("secretAccessKey").asText()).isNotBlank();
        assertThat(listed.at("/credentials/0/accessKeyId").asText()).isEqualTo(keyId);
        assertThat(listed.at("/credentials/0/secretAccessKey").isMissingNode()).isTrue();
        assertThat(json(ok(aws("robomaker", "list-robot-credentials", "--robot", robotArn))).get("credentials")).isEmpty();
    }

    @Test
    void theCliChecksRequiredMembersBeforeSending() {
        Result missing = aws("robomaker", "create-robot", "--name", "no-architecture");

        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("--architecture");
    }

    /** The CLI under test. */
    protected abstract String cli();

    protected Result aws(String... args) {
        return aws(home, args);
    }

    protected Result aws(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(cli()));
        command.addAll(List.of(args));
        if (args[0].equals("robomaker")) {
            command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
        }
        return run(home, command);
    }

    /** Runs a client in {@code home} as its user's home, with the test principal's credentials and region. */
    protected static Result run(Path home, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", Sdk.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", Sdk.SECRET,
                "AWS_DEFAULT_REGION", Sdk.REGION, "AWS_MAX_ATTEMPTS", "1", "AWS_PAGER", ""));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " did not start (the machine image ships aws-cli 1.45 on the PATH): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected static String ok(Result result) {
        assertThat(result.exit()).as(result.err()).isZero();
        return result.out();
    }

    protected static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    record Result(int exit, String out, String err) {
    }
}
