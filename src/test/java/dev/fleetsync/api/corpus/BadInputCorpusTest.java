package dev.fleetsync.api.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import dev.fleetsync.api.corpus.Exchange.Answer;
import dev.fleetsync.common.Validation;
import dev.fleetsync.config.FleetSyncConfig;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.ServiceTest;
import dev.fleetsync.support.TableDigest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 5: no input reaches a 5xx or an unshaped answer, and no invalid input changes data. The corpus is
 * generated from the service model (see {@link Corpus}) over every operation and the robot protocol; each case must be
 * answered with a 4xx, an {@code X-Amzn-ErrorType} among the operation's error shapes (InvalidParameterException for a
 * member, naming it), a JSON {@code message}, and the database's digest as it was. The rollout is off so that nothing
 * else writes while the corpus runs. The random mixes are drawn from {@code -Dcorpus.seed} (printed; fixed by default).
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputCorpusTest extends ServiceTest {
    private static final long SEED = Long.getLong("corpus.seed", 20261202L);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FleetSyncConfig config;

    @Test
    void everyBadInputIsAShapedRefusalThatChangesNothing() throws Exception {
        System.out.println("BadInputCorpusTest seed " + SEED + " (run again with -Dcorpus.seed=" + SEED + ")");
        Corpus corpus = new Corpus(new Samples(CorpusModel.load(), CorpusSeed.create(endpoint)), config.maxRequestBytes());
        List<Case> cases = corpus.cases(SEED);
        Exchange exchange = new Exchange(endpoint);
        TableDigest digest = new TableDigest(pool);
        Map<String, String> expected = digest.take();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Case c : cases) {
            Answer answer = exchange.send(c.call());
            String problem = problem(c, answer);
            Map<String, String> now = digest.take();
            if (!now.equals(expected)) {
                problem = (problem == null ? "" : problem + "; ") + "changed the database: " + changed(expected, now);
                expected = now;
            }
            if (problem != null) {
                failures.add(c + " -> " + problem);
            }
        }
        System.out.printf("BadInputCorpusTest: %d cases over %d operations in %.1f s, %d failed; by kind %s%n", cases.size(),
                cases.stream().map(Case::operation).distinct().count(), (System.nanoTime() - started) / 1e9, failures.size(),
                new TreeMap<>(cases.stream().collect(Collectors.groupingBy(Case::kind, Collectors.counting()))));
        failures.stream().limit(200).forEach(f -> System.out.println("  " + Validation.printable(f)));
        assertThat(failures).as("cases answered wrongly (first 200 printed above)").isEmpty();
    }

    @Test
    void theCorpusCoversEveryOperationOfTheModelAndTheRobotProtocolWithEveryKind() {
        CorpusSeed placeholders = new CorpusSeed("arn:f", "arn:g", "arn:r", "arn:s", "arn:a", "arn:j", "RKIDAAAAAAAAAAAAAAAA",
                "whs-000000000000000000000000", "x");
        CorpusModel model = CorpusModel.load();
        List<Case> cases = new Corpus(new Samples(model, placeholders), 1024).cases(SEED);
        Map<String, List<String>> kinds = cases.stream().collect(Collectors.groupingBy(Case::operation,
                Collectors.mapping(Case::kind, Collectors.toList())));

        assertThat(kinds.keySet()).containsAll(model.operations().stream().map(Operation::name).toList()).contains("Poll", "Report")
                .hasSize(34);
        model.operations().stream().filter(Operation::hasBody).forEach(op -> assertThat(kinds.get(op.name())).as(op.name())
                .contains("type", "malformed", "not-object", "truncated", "duplicate", "deep", "oversize", "utf8", "encoding",
                        "content-type"));
        // "missing" leaves out a required member or a member of a list or structure: every operation with one has it
        model.operations().stream().filter(Operation::hasBody).filter(op -> canLeaveOut(model, op))
                .forEach(op -> assertThat(kinds.get(op.name())).as(op.name()).contains("missing"));
        assertThat(model.operations().stream().filter(op -> !canLeaveOut(model, op)).map(Operation::name))
                .containsExactlyInAnyOrder("ListWebhookSubscriptions");
        model.operations().stream().filter(Operation::hasBody).forEach(op -> assertThat(cases)
                .filteredOn(c -> c.operation().equals(op.name()) && c.call().chunked() && c.status() == 413).as(op.name() + " chunked")
                .hasSize(3));
        assertThat(cases.stream().map(Case::kind)).contains("bound", "pattern", "unicode", "enum", "range");
        // a mix needs two members that do not overlap: every operation with a body has them but those of one member
        assertThat(cases.stream().filter(c -> c.kind().equals("mix")).map(Case::operation).distinct())
                .contains("CreateDeploymentJob", "CreateRobotApplication", "Report", "Poll", "ListFleets", "RegisterRobot");
    }

    /**
     * The valid call the cases change is itself accepted, on resources of its own: so a refused case was refused
     * for its mutation. Two are refused by the domain, as they should be with the seed's pending job: a sync while a
     * job is active, and a report before the robot was handed the job. Neither answer is a validation error.
     */
    @Test
    void theValidCallOfEveryOperationIsAccepted() throws Exception {
        CorpusModel model = CorpusModel.load();
        Exchange exchange = new Exchange(endpoint);
        Map<String, String> refused = new TreeMap<>();
        // an operation that may change what it names gets resources of its own; the reads then share one seed, made
        // last (a seed replaces the earlier seeds' webhook subscriptions: an account holds 10 at most)
        List<Operation> writesFirst = model.operations().stream().sorted(java.util.Comparator.comparing(BadInputCorpusTest::reads)).toList();
        CorpusSeed shared = null;
        for (Operation op : writesFirst) {
            boolean reads = reads(op);
            if (reads && shared == null) {
                shared = CorpusSeed.create(endpoint);
            }
            Corpus corpus = new Corpus(new Samples(model, reads ? shared : CorpusSeed.create(endpoint)), config.maxRequestBytes());
            Answer answer = exchange.send(corpus.valid(op));
            if (answer.status() != 200) {
                refused.put(op.name(), answer.status() + " " + answer.errorType() + " " + abbreviate(answer.body()));
            }
        }
        assertThat(refused).containsOnlyKeys("SyncDeploymentJob", "Report");
        assertThat(refused.get("SyncDeploymentJob")).startsWith("400 ConcurrentDeploymentException");
        assertThat(refused.get("Report")).startsWith("400 InvalidParameterException").doesNotContain("validation error");
    }

    private static boolean canLeaveOut(CorpusModel model, Operation op) {
        JsonNode input = model.shape(op.input());
        if (input.has("required")) {
            return true;
        }
        for (JsonNode member : input.path("members")) {
            String type = model.shape(member.path("shape").asText()).path("type").asText();
            if (type.equals("list") || type.equals("structure")) {
                return true;
            }
        }
        return false;
    }

    private static boolean reads(Operation op) {
        return op.name().matches("(Describe|List|Poll|Report).*");
    }

    /** What is wrong with the answer to the case, or null. */
    private static String problem(Case c, Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500 || (c.status() != 0 && answer.status() != c.status())) {
            return "status " + answer.status() + " " + answer.errorType() + " " + abbreviate(answer.body());
        }
        if (answer.errorType() == null || !c.modelErrors().contains(answer.errorType())
                || (c.errorType() != null && !c.errorType().equals(answer.errorType()))) {
            return "error type " + answer.errorType() + " " + abbreviate(answer.body());
        }
        if (answer.requestId() == null || !answer.requestId().matches("[0-9a-f-]{36}")) {
            return "x-amzn-RequestId " + answer.requestId();
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
            return "content type " + answer.contentType();
        }
        JsonNode message;
        try {
            message = JSON.readTree(answer.body()).get("message");
        } catch (Exception e) {
            return "body not JSON: " + abbreviate(answer.body());
        }
        if (message == null || !message.isTextual() || message.asText().isBlank()) {
            return "no message: " + abbreviate(answer.body());
        }
        if (!c.members().isEmpty() && c.members().stream().noneMatch(m -> message.asText().contains("'" + m))) {
            return "message names none of " + c.members() + ": " + abbreviate(message.asText());
        }
        return null;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey).toList().toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
