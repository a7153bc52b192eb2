package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/**
 * An invitation to a plan for someone of the inviter's organisation who is not in the directory yet.
 * The invitee accepts it with their own token (its organisation and email must be the invitation's);
 * only then do they become a person and a member.
 */
@Entity
@Table(name = "plan_invitation")
public class Invitation extends TenantScoped {

    public enum Status { PENDING, ACCEPTED, REVOKED }

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PlanRole role;

    /** Whom it is for: the accepting token's email claim must be this address. Not a person's address. */
    @Column(nullable = false, updatable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "invited_by", nullable = false, updatable = false)
    public String invitedBy;

    @Column(name = "invited_at", nullable = false, updatable = false)
    public Instant invitedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Version
    public long version;
}
