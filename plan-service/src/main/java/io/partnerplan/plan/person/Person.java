package io.partnerplan.plan.person;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/**
 * A person of an organisation, as the identity provider (their token) or the organisation's own
 * integration client says they are. The only place a person's address, language and zone are kept.
 */
@Entity
@Table(name = "person")
public class Person extends TenantScoped {

    @Id
    public UUID id;

    /** The token subject ({@code sub}) the person signs in with. */
    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Absent until their token or their organisation's sync tells it: such a person hears in-app only. */
    public String email;

    /** IETF language tag; null: the service's default. */
    public String locale;

    /** IANA zone; null: their organisation's. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "external_system")
    public String externalSystem;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
