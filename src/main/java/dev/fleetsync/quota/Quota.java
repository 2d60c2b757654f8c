package dev.fleetsync.quota;

/** The quotas, each counted either over an account or over one parent resource of the account (a fleet, an application). */
public enum Quota {
    ACTIVE_DEPLOYMENT_JOBS("active-deployment-jobs", "active deployment jobs", null),
    FLEETS("fleets", "fleets", null),
    ROBOTS("robots", "robots", null),
    ROBOTS_PER_FLEET("robots-per-fleet", "robots", "Fleet"),
    ROBOT_APPLICATIONS("robot-applications", "robot applications", null),
    VERSIONS_PER_APPLICATION("versions-per-application", "versions", "Robot application");

    private final String key;
    private final String counted;
    private final String parent;

    Quota(String key, String counted, String parent) {
        this.key = key;
        this.counted = counted;
        this.parent = parent;
    }

    /** The last part of its configuration key, {@code fleetsync.quota.<key>}. */
    public String key() {
        return key;
    }

    /** What is counted, in the plural, for messages. */
    String counted() {
        return counted;
    }

    /** Whether it is counted within one parent resource rather than the whole account. */
    public boolean perParent() {
        return parent != null;
    }

    /** The parent resource's kind for messages ("Fleet"), or null for an account quota. */
    String parent() {
        return parent;
    }
}
