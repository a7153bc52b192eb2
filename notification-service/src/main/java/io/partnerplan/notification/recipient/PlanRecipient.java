package io.partnerplan.notification.recipient;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** A member of a plan as a recipient of its notifications, fed by member.added/removed. */
@Entity
@Table(name = "plan_recipient")
public class PlanRecipient extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public String subject;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    /** VENDOR or PARTNER. */
    @Column(nullable = false)
    public String side;

    /** As in tokens: vendor-manager, partner-owner, contributor, viewer, executive-sponsor. */
    @Column(nullable = false)
    public String role;

    /** As the member event carried it: a fallback name only; address and language are the person's ({@link People}). */
    @Column(name = "display_name", nullable = false)
    public String displayName;
}
