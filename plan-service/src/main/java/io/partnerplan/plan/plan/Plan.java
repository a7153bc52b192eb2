package io.partnerplan.plan.plan;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.plan.section.PlanSections;
import io.partnerplan.platform.security.TenantScoped;

/** A joint business plan between the vendor and one partner over one planning horizon. */
@Entity
@Table(name = "plan")
public class Plan extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "vendor_organisation_id", nullable = false, updatable = false)
    public UUID vendorOrganisationId;

    @Column(name = "partner_organisation_id", nullable = false, updatable = false)
    public UUID partnerOrganisationId;

    @Column(nullable = false)
    public String title;

    @Column(name = "horizon_start", nullable = false)
    public LocalDate horizonStart;

    @Column(name = "horizon_end", nullable = false)
    public LocalDate horizonEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_cadence", nullable = false)
    public ReviewCadence reviewCadence;

    @Enumerated(EnumType.STRING)
    @Column(name = "signing_policy", nullable = false)
    public SigningPolicy signingPolicy;

    /** The written sections as one JSON document: one read for the whole plan, one snapshot per version. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public PlanSections sections;

    /** Per written section, the plan version it last changed at (see {@link PlanService#patchSections}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "section_versions", nullable = false, columnDefinition = "jsonb")
    public java.util.Map<String, Long> sectionVersions = new java.util.HashMap<>();

    /** The vendor manager who drafted the plan (token subject). */
    /** The draft a renewal made from this plan (RENEWED): until that one is agreed, this one is still reviewed. */
    /** The template the plan was drafted from; null for a blank plan. */
    @Column(name = "template_id", updatable = false)
    public UUID templateId;

    @Column(name = "successor_plan_id")
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    public UUID successorPlanId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether {@code organisation} is one of the plan's two parties. */
    public boolean hasParty(UUID organisation) {
        return vendorOrganisationId.equals(organisation) || partnerOrganisationId.equals(organisation);
    }

    /** The side {@code organisation} is on; only call for a party. */
    public Side sideOf(UUID organisation) {
        return vendorOrganisationId.equals(organisation) ? Side.VENDOR : Side.PARTNER;
    }
}
