package dev.fleetsync.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A robot's access key id; its secret is derived, never stored (see {@code RobotCredentialSecrets}). */
@Entity
@Table(name = "robot_credential")
public class RobotCredential {
    @Id
    @Column(name = "access_key_id")
    public String accessKeyId;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "robot_arn")
    public String robotArn;
    @Column(name = "created_at")
    public Instant createdAt;
}
