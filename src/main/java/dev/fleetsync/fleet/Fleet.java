package dev.fleetsync.fleet;

import dev.fleetsync.common.AccountArn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named group of robots that deployments target. */
@Entity
@Table(name = "fleet")
@IdClass(AccountArn.class)
public class Fleet {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    public String arn;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_deployment_job")
    public String lastDeploymentJob;
    /** A {@code DeploymentStatus} value, stored by name. */
    @Column(name = "last_deployment_status")
    public String lastDeploymentStatus;
    @Column(name = "last_deployment_time")
    public Instant lastDeploymentTime;
}
