package dev.fleetsync.robot;

import dev.fleetsync.common.AccountArn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A robot, optionally registered to one fleet. */
@Entity
@Table(name = "robot")
@IdClass(AccountArn.class)
public class Robot {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    public String arn;
    public String name;
    /** An {@code Architecture} value: X86_64, ARM64 or ARMHF. */
    public String architecture;
    @Column(name = "greengrass_group_id")
    public String greengrassGroupId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "fleet_arn")
    public String fleetArn;
    /** A {@code RobotStatus} value, stored by name. */
    public String status;
    @Column(name = "last_deployment_job")
    public String lastDeploymentJob;
    @Column(name = "last_deployment_time")
    public Instant lastDeploymentTime;
}
