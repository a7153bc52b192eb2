package io.partnerplan.kpi.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

import io.partnerplan.platform.security.TenantScoped;

/** A deal a partner registered (or the vendor registered for it): its pipeline until won or lost. */
@Entity
@Table(name = "deal_registration")
public class Deal extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "partner_organisation_id", nullable = false, updatable = false)
    public UUID partnerOrganisationId;

    /** The integration client that wrote it, or MANUAL: from the writer's token. */
    @Column(nullable = false, updatable = false)
    public String source;

    /** The writer's organisation (the partner's, or the vendor's when it registers for the partner). */
    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Column(name = "external_id", nullable = false, updatable = false)
    public String externalId;

    @Column(nullable = false)
    public String account;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DealStage stage;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "expected_close_on", nullable = false)
    public LocalDate expectedCloseOn;

    @Column(name = "actual_close_on")
    public LocalDate actualCloseOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> products = new ArrayList<>();

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
