package dev.fleetsync.common;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** One page of a listing and the cursor of the next (its text, sealed at the edge), absent on the last page. */
public record Page<T>(List<T> items, String nextToken) {

    /**
     * @param fetched up to {@code size + 1} rows in (createdAt, arn) order; the extra row only tells that another page exists
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, Instant> createdAt, Function<T, String> arn) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        T last = items.get(size - 1);
        return new Page<>(List.copyOf(items), new PageToken(createdAt.apply(last), arn.apply(last)).text());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextToken);
    }
}
