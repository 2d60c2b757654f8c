package dev.fleetsync.events;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * One recorded event: its account's sequence number, what happened, who caused it (access key id, robot ARN or
 * "system"), the resources it concerns (null where none) and the type's own details.
 */
public record Event(long seq, EventType type, OffsetDateTime time, String actor, String fleetArn, String jobArn,
        String robotArn, JsonObject details) {

    /** The SSE {@code data:} of the event, documented in docs/events.md. */
    public String json() {
        JsonObject json = new JsonObject().put("seq", seq).put("type", type.name()).put("time", time.toInstant().toString())
                .put("actor", actor);
        if (fleetArn != null) {
            json.put("fleetArn", fleetArn);
        }
        if (jobArn != null) {
            json.put("jobArn", jobArn);
        }
        if (robotArn != null) {
            json.put("robotArn", robotArn);
        }
        return json.put("details", details).encode();
    }
}
