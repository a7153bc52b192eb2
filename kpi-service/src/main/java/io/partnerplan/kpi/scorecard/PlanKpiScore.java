package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.kpi.attainment.Rag;
import io.partnerplan.platform.security.TenantScoped;

/** One KPI of a plan as last announced by kpi.scorecard.changed: a row of the vendor's portfolio. */
@Entity
@Table(name = "plan_kpi_score")
public class PlanKpiScore extends TenantScoped {

    @Id
    public UUID id;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "vendor_organisation_id", nullable = false)
    public UUID vendorOrganisationId;
    @Column(name = "kpi_key", nullable = false)
    public String kpiKey;
    @Column(name = "kpi_name", nullable = false)
    public String kpiName;
    @Column(nullable = false)
    public String unit;
    public String currency;
    public String period;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    public BigDecimal target;
    public BigDecimal actual;
    public BigDecimal attainment;
    public BigDecimal forecast;
    @Enumerated(EnumType.STRING)
    public Rag rag;
    public String trend;
    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;
    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
}
