package io.partnerplan.notification.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.platform.security.TenantScoped;

/** A PRM/CRM endpoint that receives the tenant's events of the chosen types, signed with its secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends TenantScoped {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public String[] eventTypes;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    /** Written by the dispatcher (native SQL, no version bump): an admin's edit never conflicts with it. */
    @Column(name = "consecutive_failures", nullable = false, insertable = false, updatable = false)
    public int consecutiveFailures;

    @Column(name = "circuit_open_until", insertable = false, updatable = false)
    public Instant circuitOpenUntil;

    /** The organisation whose integration client owns it (events of that organisation's plans only); null: the tenant's. */
    @Column(name = "organisation_id", updatable = false)
    public UUID organisationId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
