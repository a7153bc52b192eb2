package io.partnerplan.calendar.mop;

import java.time.Instant;
import java.time.LocalDate;
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

/** The operating rhythm a vendor and a partner plan, target and review in; agreed by one member of each side. */
@Entity
@Table(name = "mutual_operating_period")
public class MutualOperatingPeriod extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "vendor_organisation_id", nullable = false, updatable = false)
    public UUID vendorOrganisationId;

    @Column(name = "partner_organisation_id", nullable = false, updatable = false)
    public UUID partnerOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MopForm form;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MopStatus status;

    @Column(name = "horizon_start", nullable = false, updatable = false)
    public LocalDate horizonStart;

    @Column(name = "horizon_end", nullable = false, updatable = false)
    public LocalDate horizonEnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public List<MopPeriod> periods;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    public Instant proposedAt;

    @Column(name = "vendor_accepted_by")
    public String vendorAcceptedBy;

    @Column(name = "vendor_accepted_at")
    public Instant vendorAcceptedAt;

    @Column(name = "partner_accepted_by")
    public String partnerAcceptedBy;

    @Column(name = "partner_accepted_at")
    public Instant partnerAcceptedAt;

    @Version
    public long version;
}
