package io.partnerplan.kpi.criterion;

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

import io.partnerplan.platform.security.TenantScoped;

/**
 * A KPI-based completion criterion of one of plan-service's milestones ("200k revenue from 1 Feb to
 * 30 Apr"), kept in step from its milestone events and judged here, where the measurements are.
 */
@Entity
@Table(name = "milestone_criterion")
public class MilestoneCriterion extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "milestone_id", nullable = false)
    public UUID milestoneId;

    @Column(name = "kpi_key", nullable = false)
    public String kpiKey;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal threshold;

    @Column(name = "window_start", nullable = false)
    public LocalDate windowStart;

    @Column(name = "window_end", nullable = false)
    public LocalDate windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CriterionState state;

    @Column(precision = 20, scale = 4)
    public BigDecimal actual;

    @Column(precision = 20, scale = 4)
    public BigDecimal forecast;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "state_changed_at")
    public Instant stateChangedAt;
}
