package dev.fleetsync.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fleetsync.config.EmbeddedPostgresLauncher;
import dev.fleetsync.support.NewestAwsCli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two walkthroughs run as written: their {@code ```sh} blocks are read from README.md when the test runs
 * (so the test follows the README), and bash runs them one after the other in one session, each under {@code set -e},
 * from the repository's folder, with a home of its own (where {@code aws configure add-model} writes) and a clean
 * {@code /tmp/fleetsync-demo}. The service is the packaged one ({@code target/quarkus-app/quarkus-run.jar}) on port
 * 8080, configured as dev mode configures it for a newcomer: the development principal, the dev robot-credential key,
 * and a PostgreSQL of its own (embedded). Two blocks run differently, because they start servers that a reader leaves
 * running in a terminal of their own: the bundle store's {@code java -jar …s3proxy…} line runs in the background (its
 * download line as written, offline when Maven already holds the artifact), and the {@code ./mvnw quarkus:dev} block
 * is replaced by starting the packaged service with that block's environment variables (the bundle store's). The
 * second walkthrough needs "an AWS CLI with the model added": the worked example's add-model block runs once its
 * service is up. Every
 * block must exit 0, and the key lines must print what the README's {@code #   } comments show. Everything started is
 * stopped at the end, passed or failed; a failure shows the failing block, its output and the service's log.
 *
 * <p>The worked example runs the newest AWS CLI a package registry has ({@link NewestAwsCli}), the one-machine
 * walkthrough the machine's own {@code aws}. Skipped only when {@code aws}, {@code curl} or {@code python3} with
 * botocore are missing (CI installs them);
 * port 8080 or 9000 taken is a failure.
 */
class ReadmeExamplesIT {
    private static final String ACCOUNT_ARN = "arn:aws:robomaker:us-west-2:123456789012:";
    private static final Path DEMO = Path.of("/tmp/fleetsync-demo");
    private static final String WORKED_EXAMPLE = "## A worked example with the AWS CLI";
    private static final String ONE_MACHINE =
            "### Try it on one machine: two robots, a real bundle, a third robot that joins later";

    @TempDir
    Path home;
    @TempDir
    Path scratch;

    @BeforeAll
    static void theReadersToolsArePresent() {
        assumeTrue(succeeds("aws", "--version"), "no `aws` command: the README's examples need an AWS CLI");
        assumeTrue(succeeds("curl", "--version"), "no `curl` command: the README's examples need it");
        assumeTrue(succeeds("python3", "-c", "import botocore"), "no python3 with botocore: the agents need it");
    }

    @BeforeEach
    void theReadmesPortsAreFree() {
        for (int port : new int[] {Walkthrough.SERVICE_PORT, 9000, 9099}) {
            try (ServerSocket ignored = new ServerSocket(port)) {
            } catch (IOException taken) {
                throw new AssertionError("port " + port + " is taken (a quarkus:dev or an s3proxy still running?); "
                        + "the README's examples use it, so this test needs it free", taken);
            }
        }
    }

    @Test
    void theWorkedExampleWithTheAwsCliRunsAsWritten() throws Exception {
        List<BashSession.Block> runs;
        // the newest AWS CLI a registry has (v2, Debian unstable's), which knows RoboMaker only from the added model
        Path newestCli = NewestAwsCli.bin().resolve("aws");
        try (Walkthrough walkthrough = new Walkthrough(Path.of("").toAbsolutePath(), home, scratch, devSettings(),
                List.of(), newestCli)) {
            runs = walkthrough.run(sectionOfReadme(WORKED_EXAMPLE));
        }

        assertThat(lines(outputOf(runs, "create-robot-application-version"))).contains("1");
        assertThat(runs.stream().filter(run -> run.source().contains("/agent/v1/report")))
                .as("the robots' reports").hasSize(2)
                .allSatisfy(run -> assertThat(run.text()).contains("{\"continue\":false}"));
        String last = outputOf(runs, "list-deployment-jobs");
        assertThat(last).contains("\"status\": \"Succeeded\"")
                .containsPattern("\"" + ACCOUNT_ARN + "robot/picker-2/[^\"]+\",\\s*\"InSync\"")
                .containsPattern("\"concurrentDeploymentPercentage\": 20,\\s*\"failureThresholdPercentage\": 25,"
                        + "\\s*\"robotDeploymentTimeoutInSeconds\": 18000");
        assertThat(lines(last)).contains("picker-1\tInSync", "picker-2\tInSync");
        assertThat(lines(last)).filteredOn(line -> line.matches(ACCOUNT_ARN + "deployment-job/\\S+\tSucceeded"))
                .as("the two jobs, Succeeded").hasSize(2);
        // the webhook: the receiver checked the signature and printed the deregistration, delivered to it once
        List<String> hooks = lines(outputOf(runs, "create-webhook-subscription"));
        assertThat(hooks).filteredOn(line -> line.matches("\\d+ RobotDeregistered " + ACCOUNT_ARN + "robot/picker-2/\\S+"))
                .hasSize(1);
        assertThat(hooks).contains("Enabled");
    }

    @Test
    void theOneMachineWalkthroughRunsAsWritten() throws Exception {
        deleteRecursively(DEMO);
        List<BashSession.Block> runs;
        // "It needs what the worked example needs (... an AWS CLI with the model added ...)": its add-model block
        List<String> addModel = sectionOfReadme(WORKED_EXAMPLE).stream()
                .filter(block -> block.contains("aws configure add-model")).toList();
        assertThat(addModel).as("the worked example's add-model block").hasSize(1);
        // the machine's own CLI (aws-cli 1.45 in the image; Debian's 2.9 where .ci/run installs it)
        try (Walkthrough walkthrough = new Walkthrough(Path.of("").toAbsolutePath(), home, scratch, devSettings(),
                addModel, machineCli())) {
            runs = walkthrough.run(sectionOfReadme(ONE_MACHINE));
        }

        String deployment = outputOf(runs, "create-robot-application-version");
        assertThat(lines(deployment)).as("the version and its bundle's real ETag")
                .contains("1\t" + md5(DEMO.resolve("picker.tar.gz")), "InSync\tInSync");
        assertThat(deployment).contains("Finished (100%), version 1 is running", "picker version 1 running, greeting hello");
        List<String> last = lines(runs.get(runs.size() - 1).text());
        assertThat(last).contains("yard-1\tInSync", "yard-2\tInSync", "yard-3\tInSync");
        assertThat(last).filteredOn("picker version 1 running, greeting hello"::equals)
                .as("three robots running the application").hasSize(3);
    }

    private static Path machineCli() throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v aws").start();
        String path = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(which.waitFor()).as("aws on the PATH").isZero();
        return Path.of(path);
    }

    /** What dev mode gives a newcomer, with a database of this test's own. */
    private static Map<String, String> devSettings() {
        Map<String, String> settings = new HashMap<>(EmbeddedPostgresLauncher.start(null, Map.of("fsync", "off")));
        settings.put("fleetsync.auth.principals", "AKIDFLEETSYNCDEV:fleetsync-dev-secret:123456789012");
        settings.put("fleetsync.auth.robot-credential-key", "fleetsync-dev-robot-credential-key-0000");
        settings.put("quarkus.shutdown.delay", "0s");
        return settings;
    }

    private static List<String> sectionOfReadme(String heading) throws IOException {
        List<String> blocks = MarkdownSections.shellBlocks(Files.readAllLines(Path.of("README.md")), heading);
        assertThat(blocks).as("the sh blocks under " + heading).isNotEmpty();
        return blocks;
    }

    private static String outputOf(List<BashSession.Block> runs, String command) {
        return runs.stream().filter(run -> run.source().contains(command)).findFirst()
                .orElseThrow(() -> new AssertionError("no README block runs " + command)).text();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }

    private static String md5(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
