package io.partnerplan.kpi.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** One value of one KPI for one plan, on a day or over a period ending that day. */
@Entity
@Table(name = "measurement")
public class Measurement extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "kpi_id", nullable = false, updatable = false)
    public UUID kpiId;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    public String currency;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    /** The integration client that wrote it, or {@value Provenance#MANUAL}: from the writer's token (see {@link Provenance}). */
    @Column(nullable = false, updatable = false)
    public String source;

    /** The writer's organisation; null for rows written before provenance came from the token. */
    @Column(name = "organisation_id", updatable = false)
    public UUID organisationId;

    /** The sender's id for the measurement within its source and organisation: re-sending it is idempotent, a new value is a correction. */
    @Column(name = "external_id", updatable = false)
    public String externalId;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    public long version;
}
