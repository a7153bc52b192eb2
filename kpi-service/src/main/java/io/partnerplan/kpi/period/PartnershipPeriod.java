package io.partnerplan.kpi.period;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** One period of the Mutual Operating Period a vendor and a partner agreed (from calendar-service's mop.agreed). */
@Entity
@Table(name = "partnership_period")
public class PartnershipPeriod extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "mop_id", nullable = false)
    public UUID mopId;

    @Column(name = "vendor_organisation_id", nullable = false)
    public UUID vendorOrganisationId;

    @Column(name = "partner_organisation_id", nullable = false)
    public UUID partnerOrganisationId;

    @Column(nullable = false)
    public String label;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;
}
