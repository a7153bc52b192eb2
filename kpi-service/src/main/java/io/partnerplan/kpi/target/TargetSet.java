package io.partnerplan.kpi.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.platform.security.TenantScoped;

/**
 * A plan's targets for one KPI, period by period, with the RAG thresholds they are judged by. Kept as
 * one row so the set is written, versioned and replaced as a whole: periods never half-change.
 */
@Entity
@Table(name = "kpi_target_set")
public class TargetSet extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "kpi_id", nullable = false, updatable = false)
    public UUID kpiId;

    /** Percent of target from which a period is green (default 100). */
    @Column(name = "green_at", nullable = false)
    public BigDecimal greenAt;

    /** Percent of target from which a period is amber (default 80). */
    @Column(name = "amber_at", nullable = false)
    public BigDecimal amberAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<TargetPeriod> periods;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
