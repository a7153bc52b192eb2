package io.partnerplan.plan.amendment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.plan.plan.Side;
import io.partnerplan.platform.security.TenantScoped;

/** A change to an agreed plan proposed by one side; it applies only when the other side accepts it. */
@Entity
@Table(name = "amendment")
public class Amendment extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    public String proposedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_by_side", nullable = false, updatable = false)
    public Side proposedBySide;

    @Column(nullable = false, updatable = false)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public AmendmentChanges changes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AmendmentStatus status;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The plan's version the amendment was proposed against. */
    @Column(name = "from_version", nullable = false, updatable = false)
    public long fromVersion;

    /** The plan's version that accepting it made. */
    @Column(name = "to_version")
    public Long toVersion;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    public Instant proposedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
