package io.partnerplan.calendar.blocked;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** An organisation's declared holiday or blackout period (inclusive dates). */
@Entity
@Table(name = "blocked_period")
public class BlockedPeriod extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public BlockedPeriodKind kind;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(name = "starts_on", nullable = false, updatable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false, updatable = false)
    public LocalDate endsOn;

    @Column(name = "declared_by", nullable = false, updatable = false)
    public String declaredBy;

    @Column(name = "declared_at", nullable = false, updatable = false)
    public Instant declaredAt;

    @Version
    public long version;
}
