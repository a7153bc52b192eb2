package io.partnerplan.plan.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.platform.security.TenantScoped;

/** A partner organisation's profile in the vendor's programme; one per partner, part of the organisation. */
@Entity
@Table(name = "partner_profile")
public class PartnerProfile extends TenantScoped {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "programme_id")
    public UUID programmeId;

    public String tier;

    @Column(name = "tier_since")
    public LocalDate tierSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_type")
    public PartnerType partnerType;

    public Integer headcount;

    /** In their own table, in the order given: the organisation list filters by one ({@code member of}). */
    @ElementCollection
    @CollectionTable(name = "partner_profile_region", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    @Column(name = "region", nullable = false)
    public List<String> regions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> segments = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> specialisations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Certification> certifications = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
