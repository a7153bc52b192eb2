package io.partnerplan.plan.funds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundRequest")
public record FundRequestView(UUID id, UUID planId, UUID budgetId, UUID partnerOrganisationId,
                              @Schema(description = "Token subject of the partner's person who asked") String requestedBy,
                              String title, String description, String strategyKey, List<UUID> objectiveIds,
                              LocalDate startsOn, LocalDate endsOn, String currency,
                              @Schema(description = "The activity's whole cost, a decimal string") String totalCost,
                              String vendorSharePercent, String partnerSharePercent,
                              @Schema(description = "The vendor's part of the cost: what the partner asks the vendor for") String requestedAmount,
                              @Schema(description = "The partner's own part of the cost") String partnerAmount,
                              List<FundRequest.ExpectedResult> expectedResults, FundRequestStatus status,
                              @Schema(description = "The level of the approval path the request waits for; absent once decided") Integer awaitingLevel,
                              @Schema(description = "The vendor's role that decides next; absent once decided") String awaitingRole,
                              @Schema(description = "The approval path as it stood when the request was submitted") List<ApprovalLevel> levels,
                              List<FundDecision> decisions,
                              @Schema(description = "What the vendor committed, once approved; below requestedAmount for a partial approval")
                              String approvedAmount,
                              @Schema(description = "Claims against the approval must come in by this day, else it expires") LocalDate claimBy,
                              @Schema(description = "Claimed so far (claims not rejected)") String claimedAmount,
                              @Schema(description = "Paid so far") String paidAmount,
                              Instant createdAt, Instant updatedAt, long version) {

    static FundRequestView of(FundRequest r) {
        String role = r.awaitingLevel == null ? null : r.levels.levels().get(r.awaitingLevel - 1).role();
        return new FundRequestView(r.id, r.planId, r.budgetId, r.partnerOrganisationId, r.requestedBy, r.title, r.description,
                r.strategyKey, r.objectiveIds, r.startsOn, r.endsOn, r.currency, FundRules.plain(r.totalCost),
                FundRules.plain(r.vendorSharePercent), FundRules.plain(java.math.BigDecimal.valueOf(100).subtract(r.vendorSharePercent)),
                FundRules.plain(r.requestedAmount), FundRules.plain(r.totalCost.subtract(r.requestedAmount)), r.expectedResults,
                r.status, r.awaitingLevel, role, r.levels.levels(), r.decisions, FundRules.plain(r.approvedAmount), r.claimBy,
                FundRules.plain(r.claimedAmount), FundRules.plain(r.paidAmount), r.createdAt, r.updatedAt, r.version);
    }
}
