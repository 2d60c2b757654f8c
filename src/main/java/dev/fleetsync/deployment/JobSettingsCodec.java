package dev.fleetsync.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Stores a job's launch and download-condition settings as JSON text columns, with a mapper of its own (not the wire's). */
final class JobSettingsCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JobSettingsCodec() {
    }

    static void write(DeploymentJob job, JobSpec spec) {
        job.fleetArn = spec.fleetArn();
        job.applicationArn = spec.applicationArn();
        job.applicationVersion = spec.applicationVersion();
        job.launchConfig = toJson(spec.launchConfig());
        job.concurrentPercentage = spec.rollout().concurrentPercentage();
        job.failureThresholdPercentage = spec.rollout().failureThresholdPercentage();
        job.robotTimeoutSeconds = spec.rollout().robotTimeoutSeconds();
        job.downloadConditionFile = spec.rollout().downloadConditionFile() == null ? null : toJson(spec.rollout().downloadConditionFile());
    }

    static JobSpec read(DeploymentJob job) {
        return new JobSpec(job.fleetArn, job.applicationArn, job.applicationVersion, fromJson(job.launchConfig, LaunchConfig.class),
                new JobSpec.RolloutSettings(job.concurrentPercentage, job.failureThresholdPercentage, job.robotTimeoutSeconds,
                        job.downloadConditionFile == null ? null : fromJson(job.downloadConditionFile, DownloadConditionFile.class)));
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
