package dev.fleetsync.fleet;

import java.util.Map;

/** A fleet with its tags, as CreateFleet answers it. */
public record FleetDetails(Fleet fleet, Map<String, String> tags) {
}
