package io.partnerplan.plan.organisation;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/**
 * An organisation's id in a PRM/CRM system ({@code crm:salesforce} / {@code 0015g00000XyZ}), so a
 * nightly sync can upsert by the id it knows instead of ours.
 */
@Entity
@Table(name = "organisation_external_id")
public class ExternalId extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Column(nullable = false, updatable = false)
    public String system;

    @Column(name = "external_id", nullable = false, updatable = false)
    public String externalId;
}
