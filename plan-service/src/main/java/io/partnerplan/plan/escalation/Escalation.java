package io.partnerplan.plan.escalation;

import java.time.Instant;
import java.util.List;
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

import io.partnerplan.platform.security.TenantScoped;

/** An overdue action or missed milestone put in front of people, level by level, until resolved. */
@Entity
@Table(name = "escalation")
public class Escalation extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EscalationCause cause;

    @Column(name = "cause_id", nullable = false, updatable = false)
    public UUID causeId;

    @Column(nullable = false)
    public String title;

    /** 1-based. */
    @Column(nullable = false)
    public int level;

    @Column(name = "level_count", nullable = false)
    public int levelCount;

    /** The policy's ladder as it was when raised. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<EscalationLevel> levels;

    /** Member subjects of the current level, resolved from its roles when it was reached. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles;

    @Column(name = "acknowledge_by", nullable = false)
    public Instant acknowledgeBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rectification_plan")
    public RectificationPlan rectificationPlan;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "raised_at", nullable = false, updatable = false)
    public Instant raisedAt;

    @Version
    public long version;
}
