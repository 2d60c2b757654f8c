package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetsync.api.agent.AgentResource;
import dev.fleetsync.api.model.ServiceModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The project's own shape definitions as the corpus walks them: the service model generated from the resources and wire
 * records ({@link ServiceModel}), with the robot protocol's resource added, so a new operation or member is covered
 * without a line here.
 */
final class CorpusModel {
    /** One operation: its name, HTTP method, request URI (with {@code {label}}s), input shape and error shapes. */
    record Operation(String name, String method, String uri, String input, List<String> errors) {
        boolean hasBody() {
            return "POST".equals(method);
        }
    }

    private final JsonNode model;

    private CorpusModel(JsonNode model) {
        this.model = model;
    }

    static CorpusModel load() {
        List<Class<?>> resources = new ArrayList<>(ServiceModel.RESOURCES);
        resources.add(AgentResource.class);
        return new CorpusModel(ServiceModel.build(resources));
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("operations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode op = e.getValue();
            List<String> errors = new ArrayList<>();
            op.path("errors").forEach(err -> errors.add(err.path("shape").asText()));
            operations.add(new Operation(e.getKey(), op.path("http").path("method").asText(), op.path("http").path("requestUri").asText(),
                    op.path("input").path("shape").asText(), List.copyOf(errors)));
        }
        return operations;
    }

    JsonNode shape(String name) {
        JsonNode shape = model.path("shapes").get(name);
        if (shape == null) {
            throw new IllegalStateException("the model has no shape " + name);
        }
        return shape;
    }
}
