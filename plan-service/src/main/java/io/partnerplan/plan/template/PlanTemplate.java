package io.partnerplan.plan.template;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.platform.security.TenantScoped;

/** A vendor's template for new plans. */
@Entity
@Table(name = "plan_template")
public class PlanTemplate extends TenantScoped {

    @Id
    public UUID id;

    /** The vendor whose playbook it is: only its people see it. */
    @Column(name = "vendor_organisation_id", nullable = false, updatable = false)
    public UUID vendorOrganisationId;

    @Column(nullable = false)
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TemplateContent content;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Every partner organisation of the tenant may read it (and draft nothing from it: that stays the vendor's). */
    @Column(name = "shared_with_all_partners", nullable = false)
    public boolean sharedWithAllPartners;

    /** The partner organisations the vendor chose to share it with (besides or instead of all). */
    @ElementCollection
    @CollectionTable(name = "plan_template_partner", joinColumns = @JoinColumn(name = "template_id"))
    @Column(name = "partner_organisation_id")
    public Set<UUID> sharedWith = new java.util.TreeSet<>();

    /** Tier codes the template is the default for (empty: any tier, if partner types are given). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "audience_tiers", nullable = false)
    public java.util.List<String> audienceTiers = new java.util.ArrayList<>();

    /** Partner types (their names) the template is the default for (empty: any type, if tiers are given). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "audience_partner_types", nullable = false)
    public java.util.List<String> audiencePartnerTypes = new java.util.ArrayList<>();

    @Version
    public long version;

    public TemplateAudience audience() {
        return new TemplateAudience(java.util.List.copyOf(audienceTiers),
                audiencePartnerTypes.stream().map(io.partnerplan.plan.organisation.PartnerType::valueOf).toList());
    }
}
