package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** A person of the directory on a plan, from either organisation, also named by their token subject. */
@Entity
@Table(name = "plan_member")
public class PlanMember extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanRole role;

    /** The person of the directory: their name, address, language and zone are theirs, not the membership's. */
    @Column(name = "person_id", nullable = false, updatable = false)
    public UUID personId;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;
}
