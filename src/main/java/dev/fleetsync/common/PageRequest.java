package dev.fleetsync.common;

import java.util.Optional;

/** A validated page request: the cursor to resume after, and how many items to return. */
public record PageRequest(Optional<PageToken> after, int size) {

    /** {@code maxResults} is 1..{@code limit}, {@code limit} when absent (the documented page sizes). */
    public static PageRequest of(String cursor, Integer maxResults, int limit) {
        if (maxResults != null && (maxResults < 1 || maxResults > limit)) {
            throw Validation.invalid("maxResults", maxResults, "Member must have value between 1 and " + limit);
        }
        return new PageRequest(PageToken.parse(cursor), maxResults == null ? limit : maxResults);
    }

    /** The same request reading one extra row, which only tells whether another page follows. */
    public PageRequest withOneMore() {
        return new PageRequest(after, size + 1);
    }

    /** HQL condition resuming after the cursor; bind {@code :afterCreatedAt} and {@code :afterArn} when present. */
    public static final String AFTER_CLAUSE = " and (createdAt > :afterCreatedAt or (createdAt = :afterCreatedAt and arn > :afterArn))";
}
