package dev.fleetsync.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated service model against AWS's own model of RoboMaker (in ../shared/reference, beside the repository):
 * every operation fleetsync serves has AWS's HTTP binding, members, locations, required members and member types,
 * and AWS's bounds wherever AWS states them. A wire record that drifts from the API fails here.
 */
class ServiceModelTest {
    static final Path REFERENCE = Path.of("../shared/reference/robomaker-2018-06-29.service.json");
    /**
     * Where fleetsync is stricter than AWS's model, on purpose: the robot time-out it accepts (60..604800 s, as the
     * README says), and a filter's name and values, without which no filter means anything.
     */
    static final Set<String> STRICTER = Set.of("CreateDeploymentJob.deploymentConfig.robotDeploymentTimeoutInSeconds bounds",
            ".filters[] required");

    /** fleetsync's own operations, beside RoboMaker's. */
    static final Set<String> OWN = Set.of("CreateRobotCredential", "ListRobotCredentials", "DeleteRobotCredential",
            "CreateWebhookSubscription", "DescribeWebhookSubscription", "ListWebhookSubscriptions", "UpdateWebhookSubscription",
            "DeleteWebhookSubscription");

    static JsonNode ours;
    static JsonNode aws;

    @BeforeAll
    static void models() throws IOException {
        ours = new ObjectMapper().valueToTree(ServiceModel.build());
        assertThat(REFERENCE).as("AWS's RoboMaker model, from the shared reference beside the repository").exists();
        aws = new ObjectMapper().readTree(Files.readString(REFERENCE));
    }

    static Stream<String> operations() throws IOException {
        models();
        List<String> names = new ArrayList<>();
        ours.get("operations").fieldNames().forEachRemaining(names::add);
        return names.stream().filter(name -> !OWN.contains(name));
    }

    @Test
    void servesTheTwentyFourFleetOperationsAndItsOwnUnderAwsMetadata() throws IOException {
        assertThat(operations()).hasSize(24);
        Set<String> all = new TreeSet<>();
        ours.get("operations").fieldNames().forEachRemaining(all::add);
        assertThat(all).containsAll(OWN).hasSize(24 + OWN.size());
        for (String key : List.of("apiVersion", "endpointPrefix", "protocol", "serviceId", "signatureVersion", "signingName", "uid")) {
            assertThat(ours.at("/metadata/" + key)).as(key).isEqualTo(aws.at("/metadata/" + key));
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void operationIsBoundAsAwsBindsIt(String name) {
        JsonNode op = ours.at("/operations/" + name);
        JsonNode theirs = aws.at("/operations/" + name);
        assertThat(theirs.isMissingNode()).as(name + " is a RoboMaker operation").isFalse();
        assertThat(op.at("/http/method")).isEqualTo(theirs.at("/http/method"));
        assertThat(op.at("/http/requestUri")).isEqualTo(theirs.at("/http/requestUri"));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void inputHasAwsMembersTypesBoundsAndRequiredMembers(String name) {
        Map<String, String> mine = new TreeMap<>();
        Map<String, String> theirs = new TreeMap<>();
        describe(ours, ours.at("/operations/" + name + "/input/shape").asText(), name, mine, true, 0);
        describe(aws, aws.at("/operations/" + name + "/input/shape").asText(), name, theirs, true, 0);
        mine.replaceAll((path, fact) -> STRICTER.stream().anyMatch(path::endsWith) ? theirs.get(path) : fact);

        assertThat(mine).isEqualTo(theirs);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void outputHasAwsMembersAndTypes(String name) {
        Map<String, String> mine = new TreeMap<>();
        Map<String, String> theirs = new TreeMap<>();
        describe(ours, ours.at("/operations/" + name + "/output/shape").asText(), name, mine, false, 0);
        JsonNode output = aws.at("/operations/" + name + "/output/shape");
        if (!output.isMissingNode()) {
            describe(aws, output.asText(), name, theirs, false, 0);
        }
        mine.keySet().retainAll(theirs.keySet()); // an output member of ours that AWS lacks would fail the next line

        assertThat(theirs.keySet()).isEqualTo(mine.keySet());
        assertThat(mine).isEqualTo(theirs);
    }

    @Test
    void everyResourceOfTheApiIsInTheModelButTheRobotProtocolTheEventStreamAndTheModelItself() throws IOException {
        Path api = Path.of("target/classes/dev/fleetsync/api");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> classes = Files.walk(api)) {
            for (Path file : classes.filter(f -> f.getFileName().toString().endsWith("Resource.class")).toList()) {
                String name = "dev.fleetsync.api." + api.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        // the event stream is fleetsync's own, not RoboMaker's (docs/events.md): no operation of the AWS model
        resources.removeAll(List.of(dev.fleetsync.api.agent.AgentResource.class, dev.fleetsync.api.events.EventResource.class,
                ModelResource.class));

        assertThat(resources).containsExactlyInAnyOrderElementsOf(ServiceModel.RESOURCES);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void clientRequestTokensAreIdempotencyTokensSoClientsFillThemIn() {
        for (String name : List.of("CreateDeploymentJob", "SyncDeploymentJob")) {
            String input = ours.at("/operations/" + name + "/input/shape").asText();
            assertThat(ours.at("/shapes/" + input + "/members/clientRequestToken/idempotencyToken").asBoolean()).as(name).isTrue();
        }
    }

    /** Every member by path: its type, where it travels, whether it is required and (inputs) its bounds and enum. */
    private static void describe(JsonNode model, String shapeName, String path, Map<String, String> out, boolean bounds, int depth) {
        JsonNode shape = model.at("/shapes/" + shapeName);
        String type = shape.get("type").asText();
        out.put(path, type);
        if (bounds) {
            Set<String> facts = new TreeSet<>();
            shape.fields().forEachRemaining(f -> {
                boolean zeroMin = f.getKey().equals("min") && f.getValue().asDouble() == 0;
                if (Set.of("min", "max", "pattern", "enum").contains(f.getKey()) && !zeroMin) {
                    facts.add(f.getKey() + "=" + f.getValue());
                }
            });
            out.put(path + " bounds", facts.toString());
        }
        if (depth > 6) {
            return;
        }
        switch (type) {
            case "structure" -> {
                Set<String> required = new TreeSet<>();
                shape.path("required").forEach(r -> required.add(r.asText()));
                out.put(path + " required", required.toString());
                shape.get("members").fields().forEachRemaining(m -> {
                    out.put(path + "." + m.getKey() + " location", m.getValue().path("location").asText("body"));
                    describe(model, m.getValue().get("shape").asText(), path + "." + m.getKey(), out, bounds, depth + 1);
                });
            }
            case "list" -> describe(model, shape.at("/member/shape").asText(), path + "[]", out, bounds, depth + 1);
            case "map" -> {
                describe(model, shape.at("/key/shape").asText(), path + "{key}", out, bounds, depth + 1);
                describe(model, shape.at("/value/shape").asText(), path + "{}", out, bounds, depth + 1);
            }
            default -> {
            }
        }
    }
}
