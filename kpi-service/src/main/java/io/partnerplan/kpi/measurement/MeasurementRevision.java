package io.partnerplan.kpi.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** A value a correction replaced: corrections keep history. */
@Entity
@Table(name = "measurement_revision")
public class MeasurementRevision extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "measurement_id", nullable = false, updatable = false)
    public UUID measurementId;

    @Column(nullable = false, updatable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(updatable = false)
    public String currency;

    /** Who wrote the value (the measurement's source: only its own source corrects a measurement). */
    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "period_start", updatable = false)
    public LocalDate periodStart;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    public LocalDate occurredOn;

    @Column(name = "reported_by", nullable = false, updatable = false)
    public String reportedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "replaced_at", nullable = false, updatable = false)
    public Instant replacedAt;

    /** Who replaced it (token subject). */
    @Column(name = "replaced_by", updatable = false)
    public String replacedBy;
}
