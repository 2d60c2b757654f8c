package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import dev.fleetsync.api.corpus.Site.Step;

/**
 * One change to a valid input: the site's value replaced (for a map-key site, the whole map), or removed when
 * {@code value} is null. The enclosing values the valid input leaves out are filled in from the samples first.
 */
record Edit(Site site, JsonNode value, String kind, String label) {

    ObjectNode applyTo(ObjectNode input, Samples samples, Operation op) {
        JsonNode container = input;
        for (int i = 0; i < site.steps().size() - 1; i++) {
            Step step = site.steps().get(i);
            JsonNode child = get(container, step);
            if (child == null || child.isNull()) {
                child = samples.value(op, site.shapes().get(i), step.name());
                put(container, step, child);
            }
            container = child;
        }
        Step last = site.steps().get(site.steps().size() - 1);
        if (value == null) {
            if (container instanceof ObjectNode object) {
                object.remove(last.name());
            }
        } else {
            put(container, last, value.deepCopy());
        }
        return input;
    }

    private static JsonNode get(JsonNode container, Step step) {
        return step.kind() == Step.Kind.INDEX ? container.get(Integer.parseInt(step.name())) : container.get(step.name());
    }

    private static void put(JsonNode container, Step step, JsonNode value) {
        if (step.kind() == Step.Kind.INDEX) {
            ArrayNode array = (ArrayNode) container;
            int index = Integer.parseInt(step.name());
            if (array.size() > index) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else {
            ((ObjectNode) container).set(step.name(), value);
        }
    }

    @Override
    public String toString() {
        return site.member() + (site.mapKey() ? " (key)" : "") + ": " + label;
    }
}
