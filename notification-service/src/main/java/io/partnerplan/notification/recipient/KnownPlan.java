package io.partnerplan.notification.recipient;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** This service's copy of what it needs of a plan, fed by plan-service's events. */
@Entity
@Table(name = "known_plan")
public class KnownPlan extends TenantScoped {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(nullable = false)
    public String title;

    @Column(name = "vendor_organisation_id", nullable = false)
    public UUID vendorOrganisationId;

    @Column(name = "partner_organisation_id", nullable = false)
    public UUID partnerOrganisationId;

    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
