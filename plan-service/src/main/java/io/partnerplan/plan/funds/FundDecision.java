package io.partnerplan.plan.funds;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One approver's decision at one level of a fund request, kept for good. */
@Schema(name = "FundDecision")
public record FundDecision(@Schema(description = "1-based level of the approval path") int level, String role,
                           FundDecisionRequest.Outcome outcome,
                           @Schema(description = "The amount approved at this level, a decimal string; absent for a rejection") String amount,
                           String reason, @Schema(description = "Token subject of the approver") String decidedBy, Instant decidedAt) {
}
