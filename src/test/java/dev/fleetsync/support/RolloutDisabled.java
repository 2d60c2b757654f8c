package dev.fleetsync.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with no rollout running: jobs stay as the API left them. */
public class RolloutDisabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fleetsync.rollout.enabled", "false");
    }
}
