package dev.fleetsync.common;

import dev.fleetsync.config.FleetSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Mints ARNs in the formats RoboMaker used, for the configured partition and region. */
@ApplicationScoped
public class ArnFactory {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final FleetSyncConfig config;
    private final SecureRandom random = new SecureRandom();
    // Names repeat, so the millisecond suffix is what keeps two same-named resources apart within this instance.
    private final AtomicLong lastMillis = new AtomicLong();

    public ArnFactory(FleetSyncConfig config) {
        this.config = config;
    }

    /** {@code deployment-fleet/<name>/<epochMillis>}, {@code robot/...}, {@code robot-application/...}. */
    public String named(ResourceType type, String accountId, String name, Instant createdAt) {
        long millis = lastMillis.updateAndGet(last -> Math.max(last + 1, createdAt.toEpochMilli()));
        return arn(accountId, type.arnSegment() + "/" + name + "/" + millis);
    }

    /** {@code deployment-job/deployment-<12 lowercase alphanumerics>}. */
    public String deploymentJob(String accountId) {
        StringBuilder id = new StringBuilder("deployment-");
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return arn(accountId, ResourceType.DEPLOYMENT_JOB.arnSegment() + "/" + id);
    }

    private String arn(String accountId, String resource) {
        return "arn:" + config.partition() + ":robomaker:" + config.region() + ":" + accountId + ":" + resource;
    }
}
