package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import java.util.Map;
import java.util.Set;

/**
 * Valid values for every shape of the model, taken from the seed the test made where a member names a resource, so
 * that a body built of them is accepted and each mutation of it changes exactly one thing. A new string shape with a
 * pattern needs a sample here: the corpus stops and names it rather than guess.
 */
final class Samples {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * Optional members a valid body leaves out because no constant value of them is accepted: a page token must be one
     * the service sealed, a revision or etags must match, and an environment excludes sources. Their sites are still
     * mutated (an edit adds the member).
     */
    private static final Set<String> LEFT_OUT = Set.of("nextToken", "environment", "imageDigest", "s3Etags", "currentRevisionId",
            "failureCode", "failureReason");
    private static final Map<String, String> TEXT = Map.ofEntries(Map.entry("Name", "corpus"), Map.entry("Id", "corpus-group"),
            Map.entry("Command", "hello_world"), Map.entry("FilePath", "scripts/pre.sh"), Map.entry("S3Bucket", "corpus-bundles"),
            Map.entry("S3Key", "app.tar.gz"), Map.entry("TagKey", "k1"), Map.entry("TagValue", "v1"),
            Map.entry("EnvironmentVariableKey", "MODE"), Map.entry("EnvironmentVariableValue", "test"),
            Map.entry("DeploymentVersion", "1"), Map.entry("Version", "1"), Map.entry("ClientRequestToken", "corpus-token"),
            Map.entry("GenericString", "corpus"), Map.entry("RevisionId", "rev-1"),
            Map.entry("ImageDigest", "sha256:" + "0".repeat(64)),
            Map.entry("RepositoryUrl", "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:latest"), Map.entry("VersionQualifier", "ALL"),
            Map.entry("PaginationToken", "corpus-token"), Map.entry("String", "corpus"));
    private static final Map<String, String> ENUM_CHOICE = Map.of("SuiteName", "ROS", "SuiteVersion", "Melodic");

    private final CorpusModel model;
    private final CorpusSeed seed;

    Samples(CorpusModel model, CorpusSeed seed) {
        this.model = model;
        this.seed = seed;
    }

    CorpusModel model() {
        return model;
    }

    /** The operation's whole valid input (members in the path and the query included), optional members too. */
    ObjectNode validInput(Operation op) {
        ObjectNode input = (ObjectNode) value(op, op.input(), "");
        LEFT_OUT.forEach(input::remove);
        return input;
    }

    /** A valid value of the shape for the named member. */
    JsonNode value(Operation op, String shapeName, String member) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> {
                ObjectNode out = JSON.objectNode();
                shape.path("members").fields().forEachRemaining(m -> out.set(m.getKey(), value(op, m.getValue().path("shape").asText(), m.getKey())));
                return out;
            }
            case "list" -> {
                ArrayNode out = JSON.arrayNode();
                out.add(value(op, shape.path("member").path("shape").asText(), member));
                return out;
            }
            case "map" -> {
                ObjectNode out = JSON.objectNode();
                out.set(key(shape), value(op, shape.path("value").path("shape").asText(), member));
                return out;
            }
            case "integer", "long" -> {
                return JSON.numberNode(shape.has("min") ? shape.path("min").asLong() : 10);
            }
            case "float", "double" -> {
                return JSON.numberNode(shape.has("min") ? shape.path("min").asDouble() : 1.5);
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            case "string" -> {
                return JSON.textNode(text(op, shapeName, shape, member));
            }
            default -> throw new IllegalStateException("no sample for shape " + shapeName);
        }
    }

    /** The one key a sample map holds. */
    String key(JsonNode mapShape) {
        String keyShape = mapShape.path("key").path("shape").asText();
        return text(null, keyShape, model.shape(keyShape), "key");
    }

    private String text(Operation op, String shapeName, JsonNode shape, String member) {
        if (shape.has("enum")) {
            return ENUM_CHOICE.getOrDefault(shapeName, shape.path("enum").get(0).asText());
        }
        if (shapeName.equals("Arn")) {
            return seed.arnFor(op == null ? "" : op.name(), member);
        }
        if (op != null && member.equals("name") && shapeName.equals("Name") && op.name().startsWith("List")) {
            return op.name().equals("ListRobots") || op.name().equals("ListDeploymentJobs") ? "fleetName" : "name";
        }
        if (member.equals("id") && op != null && op.name().endsWith("WebhookSubscription")) {
            return seed.subscription();
        }
        if (member.equals("url") && op != null && op.name().endsWith("WebhookSubscription")) {
            return CorpusSeed.WEBHOOK_URL;
        }
        if (member.equals("eventTypes")) {
            return "RobotRegistered"; // one of events/EventType, which WebhookRules checks
        }
        if (member.equals("accessKeyId")) {
            return seed.credentialKeyId();
        }
        if (member.equals("name") && op != null && op.name().startsWith("Create")) {
            return "corpus-" + seed.suffix();
        }
        if (member.equals("clientRequestToken")) {
            return "corpus-" + seed.suffix() + "-" + op.name();
        }
        String text = TEXT.get(shapeName);
        if (text == null && !shape.has("pattern") && !shape.has("min")) {
            text = "corpus";
        }
        if (text == null) {
            throw new IllegalStateException("no sample for string shape " + shapeName + " " + shape + ": add one to Samples.TEXT");
        }
        return text;
    }
}
