package dev.fleetsync.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;

/** The curl examples of docs/authentication.md's robot-credential section, run as written against the service. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotCredentialCurlExamplesTest extends ServiceTest {
    private static final Path DOC = Path.of("docs/authentication.md");
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @Test
    void issuePollListAndRevokeWorkAsDocumented() throws Exception {
        assumeTrue(curlSignsSigV4(), "curl with --aws-sigv4 (7.75 or later) is needed");
        List<String> examples = examples();
        assertThat(examples).hasSize(4);
        String name = Sdk.unique("curl");
        String robot = robomaker.createRobot(r -> r.name(name).architecture(Architecture.X86_64).greengrassGroupId(name)).arn();
        Map<String, String> env = new HashMap<>(Map.of("FLEETSYNC", endpoint.toString().replaceAll("/$", ""),
                "AWS_ACCESS_KEY_ID", Sdk.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", Sdk.SECRET, "ROBOT_ARN", robot));

        JsonPath issued = new JsonPath(run(examples.get(0), env));
        env.put("ROBOT_KEY_ID", issued.getString("accessKeyId"));
        env.put("ROBOT_SECRET", issued.getString("secretAccessKey"));
        String poll = run(examples.get(1), env);
        String listed = run(examples.get(2), env);
        String revoked = run(examples.get(3), env);
        String pollAfter = run(examples.get(1), env);

        assertThat(issued.getString("robot")).isEqualTo(robot);
        assertThat(poll).isEqualTo("{}");
        assertThat(new JsonPath(listed).getList("credentials.accessKeyId")).containsExactly(issued.getString("accessKeyId"));
        assertThat(revoked).isEqualTo("{}");
        assertThat(pollAfter).contains("The security token included in the request is invalid.");
    }

    /** The sh blocks of the "Issue, rotate, revoke" section, in order: issue, poll, list, revoke. */
    private static List<String> examples() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("### Issue, rotate, revoke");
        String section = doc.substring(start, doc.indexOf("\n### ", start + 1));
        Matcher blocks = SH_BLOCK.matcher(section);
        List<String> found = new java.util.ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    private static String run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static boolean curlSignsSigV4() {
        try {
            Process help = new ProcessBuilder("curl", "--help", "all").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return help.waitFor(10, TimeUnit.SECONDS) && text.contains("--aws-sigv4");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
