package dev.fleetsync.api.events;

import dev.fleetsync.common.ResourceType;
import dev.fleetsync.common.Validation;
import dev.fleetsync.events.EventFilter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code GET /events} request read and checked: its filters and where it resumes (Last-Event-ID), if it does. The
 * dashboard's session-authenticated stream (ui/LiveEvents) reads its parameters through this too.
 */
public record StreamRequest(EventFilter filter, Optional<Long> after) {
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final int MAX_ARN = 1224;

    public static StreamRequest of(String fleet, String job, String lastEventId) {
        return new StreamRequest(new EventFilter(arn("fleet", fleet, ResourceType.FLEET), arn("job", job, ResourceType.DEPLOYMENT_JOB)),
                position(lastEventId));
    }

    private static String arn(String member, String value, ResourceType type) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_ARN || ResourceType.of(value).filter(type::equals).isEmpty()) {
            throw Validation.invalid(member, value, "Member must be the ARN of a " + type.arnSegment());
        }
        return value;
    }

    private static Optional<Long> position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        String id = lastEventId.trim();
        if (!NUMBER.matcher(id).matches()) {
            throw Validation.invalid("Last-Event-ID", id, "Member must be an event id received from this stream (a non-negative integer)");
        }
        return Optional.of(Long.parseLong(id));
    }
}
