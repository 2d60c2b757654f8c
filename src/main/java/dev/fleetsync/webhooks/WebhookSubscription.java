package dev.fleetsync.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A webhook subscription: where to deliver an account's events, and how far it has delivered them. The delivery loop
 * writes its columns with statements of its own (DeliveryQueries); an operator's update writes only the columns it
 * changed (DynamicUpdate), and never the cursor or the lease, so it cannot put back a cursor read before a delivery.
 */
@Entity
@DynamicUpdate
@Table(name = "webhook_subscription")
public class WebhookSubscription {
    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";

    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    public String url;
    /** Comma-separated EventType names; empty for every type. */
    @Column(name = "event_types")
    public String eventTypes;
    /** Encrypted (see {@link SecretBox}). */
    public byte[] secret;
    public String status;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "delivered_seq", updatable = false)
    public long deliveredSeq;
    public int failures;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "leased_until", updatable = false)
    public Instant leasedUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
