package io.partnerplan.plan.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.plan.plan.Side;
import io.partnerplan.platform.security.TenantScoped;

/** Money or resources one party puts into the plan: planned (agreed), committed and spent (actuals). */
@Entity
@Table(name = "budget")
public class Budget extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_party", nullable = false)
    public Side fundingParty;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type", nullable = false)
    public ResourceType resourceType;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_kind", nullable = false)
    public FundingKind kind;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal planned;

    @Column(nullable = false)
    public BigDecimal committed;

    @Column(nullable = false)
    public BigDecimal spent;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}
