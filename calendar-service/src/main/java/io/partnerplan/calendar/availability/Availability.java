package io.partnerplan.calendar.availability;

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

/** A member's out-of-office period (inclusive dates) and the delegate who stands in meanwhile. */
@Entity
@Table(name = "availability")
public class Availability extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "delegate_subject", nullable = false)
    public String delegateSubject;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AvailabilityStatus status;

    @Column(name = "declared_by", nullable = false, updatable = false)
    public String declaredBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !startsOn.isAfter(to) && !endsOn.isBefore(from);
    }
}
