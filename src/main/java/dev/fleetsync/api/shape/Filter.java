package dev.fleetsync.api.shape;

import dev.fleetsync.api.shape.Shape.Name;
import dev.fleetsync.common.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A list filter: one name, one value that must equal the whole field (shape Filter). */
public record Filter(@NotNull @Name String name, @NotNull @Size(min = 1, max = 1) List<@NotNull @Name String> values) {

    /** The model allows at most one filter; it must use one of the operation's filter names. */
    public static Optional<Filter> single(List<Filter> filters, String... allowedNames) {
        if (filters == null || filters.isEmpty()) {
            return Optional.empty();
        }
        Filter filter = filters.get(0);
        if (!Arrays.asList(allowedNames).contains(filter.name())) {
            throw Validation.invalid("filters[0].name", filter.name(), "Member must be one of " + Arrays.toString(allowedNames));
        }
        return Optional.of(filter);
    }

    public String value() {
        return values.get(0);
    }
}
