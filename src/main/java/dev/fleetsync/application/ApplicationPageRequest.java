package dev.fleetsync.application;

import dev.fleetsync.common.Validation;
import java.util.Optional;

/** A validated ListRobotApplications page: the cursor to resume after, and 1..100 entries (100 when not given). */
public record ApplicationPageRequest(Optional<ApplicationCursor> after, int size) {
    public static final int LIMIT = 100;

    public static ApplicationPageRequest of(String cursor, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > LIMIT)) {
            throw Validation.invalid("maxResults", maxResults, "Member must have value between 1 and " + LIMIT);
        }
        return new ApplicationPageRequest(ApplicationCursor.parse(cursor), maxResults == null ? LIMIT : maxResults);
    }
}
