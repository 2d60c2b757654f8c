package dev.fleetsync.deployment;

/** Read access to a job's decoded settings for the other aggregates (the codec itself stays package-private). */
public final class JobSpecs {
    private JobSpecs() {
    }

    public static JobSpec of(DeploymentJob job) {
        return JobSettingsCodec.read(job);
    }
}
