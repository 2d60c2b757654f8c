package dev.fleetsync.deployment;

import dev.fleetsync.common.AccountArn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A deployment of one robot application version to the robots of a fleet. */
@Entity
@Table(name = "deployment_job")
@IdClass(AccountArn.class)
public class DeploymentJob {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    public String arn;
    @Column(name = "fleet_arn")
    public String fleetArn;
    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;
    @Column(name = "application_arn")
    public String applicationArn;
    @Column(name = "application_version")
    public int applicationVersion;
    /** JSON of {@link LaunchConfig}. */
    @Column(name = "launch_config", columnDefinition = "text")
    public String launchConfig;
    @Column(name = "concurrent_percentage")
    public int concurrentPercentage;
    @Column(name = "failure_threshold_percentage")
    public int failureThresholdPercentage;
    @Column(name = "robot_timeout_seconds")
    public long robotTimeoutSeconds;
    /** JSON of {@link DownloadConditionFile}, or null. */
    @Column(name = "download_condition_file", columnDefinition = "text")
    public String downloadConditionFile;
    @Column(name = "failure_code")
    public String failureCode;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
