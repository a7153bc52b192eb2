package io.partnerplan.plan.funds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

/** A partner's request for market development or co-op funds for one activity of a plan, drawn on one budget line. */
@Entity
@Table(name = "fund_request")
public class FundRequest extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "budget_id", nullable = false)
    public UUID budgetId;

    @Column(name = "partner_organisation_id", nullable = false, updatable = false)
    public UUID partnerOrganisationId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "strategy_key")
    public String strategyKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "objective_ids", nullable = false)
    public List<UUID> objectiveIds;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(nullable = false)
    public String currency;

    @Column(name = "total_cost", nullable = false)
    public BigDecimal totalCost;

    @Column(name = "vendor_share_percent", nullable = false)
    public BigDecimal vendorSharePercent;

    @Column(name = "requested_amount", nullable = false)
    public BigDecimal requestedAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_results", nullable = false)
    public List<ExpectedResult> expectedResults;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ApprovalPath levels;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FundRequestStatus status;

    @Column(name = "awaiting_level")
    public Integer awaitingLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FundDecision> decisions;

    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "claim_by")
    public LocalDate claimBy;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(name = "claimed_amount", nullable = false)
    public BigDecimal claimedAmount = BigDecimal.ZERO;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount = BigDecimal.ZERO;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A result the activity is expected to bring: a KPI of the tenant's library and the value aimed for. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FundRequestExpectedResult")
    public record ExpectedResult(String kpi, String target) {
    }

    /** The amount as it stands in approval: the last level's approval, else the vendor part requested. */
    BigDecimal standing() {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (decisions.get(i).amount() != null) {
                return new BigDecimal(decisions.get(i).amount());
            }
        }
        return requestedAmount;
    }
}
