package dev.fleetsync.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One robot's part in one deployment job. */
@Entity
@Table(name = "robot_deployment")
@IdClass(RobotDeployment.Key.class)
public class RobotDeployment {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    @Column(name = "job_arn")
    public String jobArn;
    @Id
    @Column(name = "robot_arn")
    public String robotArn;
    @Enumerated(EnumType.STRING)
    public RobotDeploymentStatus status;
    @Column(name = "deployment_start_time")
    public Instant deploymentStartTime;
    /** When the robot picked the deployment up; null while it is only admitted to its wave. */
    @Column(name = "handed_at")
    public Instant handedAt;
    @Column(name = "deployment_finish_time")
    public Instant deploymentFinishTime;
    @Column(name = "failure_code")
    @Enumerated(EnumType.STRING)
    public DeploymentJobErrorCode failureCode;
    @Column(name = "failure_reason")
    public String failureReason;
    /** A {@code RobotDeploymentStep} value, or null before the robot reported. */
    @Column(name = "progress_step")
    public String progressStep;
    @Column(name = "percent_done")
    public Float percentDone;
    @Column(name = "eta_seconds")
    public Integer etaSeconds;

    public static class Key implements Serializable {
        public String accountId;
        public String jobArn;
        public String robotArn;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(jobArn, k.jobArn)
                    && Objects.equals(robotArn, k.robotArn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, jobArn, robotArn);
        }
    }
}
