package dev.fleetsync.api.corpus;

import java.util.List;

/**
 * A place in an operation's input where a value goes: the steps from the input's root, the shape of the value at each
 * step, whether its structure requires it, where it travels (null: the body; {@code uri}, {@code querystring}) and
 * whether it stands for the keys of the map it names.
 */
record Site(List<Step> steps, List<String> shapes, boolean required, String location, boolean mapKey) {

    /** A member of a structure, the first element of a list, or the value under a map key. */
    record Step(String name, Kind kind) {
        enum Kind { MEMBER, INDEX, VALUE }
    }

    String shape() {
        return shapes.get(shapes.size() - 1);
    }

    boolean inBody() {
        return location == null;
    }

    /** The member as the service names it: {@code deploymentApplicationConfigs[0].launchConfig.packageName}, {@code tags[k1]}. */
    String member() {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            if (step.kind() == Step.Kind.MEMBER) {
                out.append(out.isEmpty() ? "" : ".").append(step.name());
            } else {
                out.append('[').append(step.name()).append(']');
            }
        }
        return out.toString();
    }

    /** True when an edit here and one at the other site touch the same value (one lies inside the other). */
    boolean overlaps(Site other) {
        int n = Math.min(steps.size(), other.steps.size());
        return steps.subList(0, n).equals(other.steps.subList(0, n));
    }
}
