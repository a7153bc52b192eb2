package io.partnerplan.plan.investment;

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

/** A future investment one party commits to, released when a milestone of the plan is achieved. */
@Entity
@Table(name = "investment")
public class Investment extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "milestone_id", nullable = false)
    public UUID milestoneId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_party", nullable = false)
    public Side fundingParty;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvestmentStatus status;

    @Column(name = "unlocked_at")
    public Instant unlockedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
