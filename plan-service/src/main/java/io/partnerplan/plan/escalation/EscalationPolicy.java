package io.partnerplan.plan.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.platform.security.TenantScoped;

/**
 * A plan's own escalation ladder. Versioned by hand (read under a row lock): the default policy a
 * plan starts with has ETag 0, so the first stored policy is version 1.
 */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends TenantScoped {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<EscalationLevel> levels;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public long version;
}
