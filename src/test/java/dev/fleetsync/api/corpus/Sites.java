package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import dev.fleetsync.api.corpus.Site.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every site of an operation's input, walked through the model's structures, lists and maps. */
final class Sites {
    private static final int MAX_DEPTH = 8;

    private Sites() {
    }

    static List<Site> of(Samples samples, Operation op) {
        List<Site> sites = new ArrayList<>();
        structure(samples, op.input(), new ArrayList<>(), new ArrayList<>(), sites, true, 0);
        return sites;
    }

    private static void structure(Samples samples, String shapeName, List<Step> steps, List<String> shapes, List<Site> sites,
            boolean root, int depth) {
        JsonNode shape = samples.model().shape(shapeName);
        List<String> required = new ArrayList<>();
        shape.path("required").forEach(r -> required.add(r.asText()));
        for (var it = shape.path("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String location = root && member.getValue().has("location") ? member.getValue().path("location").asText() : null;
            steps.add(new Step(member.getKey(), Step.Kind.MEMBER));
            shapes.add(member.getValue().path("shape").asText());
            visit(samples, steps, shapes, sites, required.contains(member.getKey()), location, depth + 1);
            steps.remove(steps.size() - 1);
            shapes.remove(shapes.size() - 1);
        }
    }

    private static void visit(Samples samples, List<Step> steps, List<String> shapes, List<Site> sites, boolean required, String location,
            int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        String shapeName = shapes.get(shapes.size() - 1);
        JsonNode shape = samples.model().shape(shapeName);
        sites.add(new Site(List.copyOf(steps), List.copyOf(shapes), required, location, false));
        switch (shape.path("type").asText()) {
            case "structure" -> structure(samples, shapeName, steps, shapes, sites, false, depth);
            case "list" -> inner(samples, steps, shapes, sites, new Step("0", Step.Kind.INDEX), shape.path("member"), location, depth);
            case "map" -> {
                sites.add(new Site(List.copyOf(steps), List.copyOf(shapes), false, location, true));
                inner(samples, steps, shapes, sites, new Step(samples.key(shape), Step.Kind.VALUE), shape.path("value"), location, depth);
            }
            default -> { }
        }
    }

    private static void inner(Samples samples, List<Step> steps, List<String> shapes, List<Site> sites, Step step, JsonNode ref,
            String location, int depth) {
        steps.add(step);
        shapes.add(ref.path("shape").asText());
        visit(samples, steps, shapes, sites, true, location, depth + 1);
        steps.remove(steps.size() - 1);
        shapes.remove(shapes.size() - 1);
    }
}
