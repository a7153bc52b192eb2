package io.partnerplan.kpi.plan;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** kpi-service's copy of a plan: who its parties are and which days it covers, fed by plan-service's events. */
@Entity
@Table(name = "tracked_plan")
public class TrackedPlan extends TenantScoped {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "vendor_organisation_id", nullable = false)
    public UUID vendorOrganisationId;

    @Column(name = "partner_organisation_id", nullable = false)
    public UUID partnerOrganisationId;

    @Column(name = "horizon_start", nullable = false)
    public LocalDate horizonStart;

    @Column(name = "horizon_end", nullable = false)
    public LocalDate horizonEnd;

    @Column(nullable = false)
    public String status;

    public String title;

    /** From plan.created (later plan events do not carry it): the vendor's portfolio shows and sorts by it. */
    @Column(name = "partner_name")
    public String partnerName;

    public boolean hasParty(UUID organisation) {
        return vendorOrganisationId.equals(organisation) || partnerOrganisationId.equals(organisation);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(horizonStart) && !day.isAfter(horizonEnd);
    }
}
