package io.partnerplan.plan.funds;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundDecisionRequest")
public record FundDecisionRequest(
        @NotNull @Schema(example = "APPROVE") Outcome outcome,
        @Pattern(regexp = FundRules.AMOUNT, message = FundRules.AMOUNT_RULE)
        @Schema(description = "Approve less than asked (partial approval, needs a reason); absent: the amount as it stands", example = "8000")
        String amount,
        @Size(max = 2000) @Schema(description = "Why; required for a rejection and a partial approval",
                example = "Within the Q2 webinar budget") String reason) {

    public enum Outcome {
        APPROVE, REJECT
    }
}
