package io.partnerplan.kpi.definition;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** A KPI in the tenant's library: what is measured, in which unit, and which way is good. */
@Entity
@Table(name = "kpi_definition")
public class KpiDefinition extends TenantScoped {

    @Id
    public UUID id;

    /** Stable machine name, unique per tenant: {@code pipeline}, {@code win-rate}. */
    @Column(nullable = false, updatable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KpiUnit unit;

    /** ISO 4217 code when the unit is CURRENCY. */
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Aggregation aggregation;

    /** A derived KPI's formula over other KPIs (see {@link Formula}); null for a measured KPI. */
    public String formula;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public boolean derived() {
        return formula != null;
    }
}
