package dev.fleetsync.deployment.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A used idempotency token: which call first used it (operation + parameter fingerprint) and the job that call made. */
@Entity
@Table(name = "client_token")
@IdClass(ClientToken.Key.class)
public class ClientToken {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    public String token;
    public String operation;
    public String fingerprint;
    @Column(name = "job_arn")
    public String jobArn;
    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String accountId;
        public String token;

        public Key() {
        }

        public Key(String accountId, String token) {
            this.accountId = accountId;
            this.token = token;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(token, k.token);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, token);
        }
    }
}
