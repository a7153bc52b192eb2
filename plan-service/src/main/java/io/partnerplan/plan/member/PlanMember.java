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

/** A person on a plan, from either organisation, identified by their token subject. */
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

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Absent when unknown (e.g. the drafter's token carried none): such a member hears in-app only. */
    public String email;

    /** IETF language tag of the member's emails; null: the service's default. */
    public String locale;

    /** IANA zone for the member's quiet hours and digests; null: their organisation's. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    public Instant addedAt;
}
