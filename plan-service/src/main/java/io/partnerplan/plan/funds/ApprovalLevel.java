package io.partnerplan.plan.funds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One level of the vendor's approval path: requests of at least {@code minAmount} need a decision by someone holding {@code role}. */
@Schema(name = "FundApprovalLevel")
public record ApprovalLevel(
        @NotBlank @Pattern(regexp = FundRules.AMOUNT, message = FundRules.AMOUNT_RULE)
        @Schema(description = "Requests whose vendor part reaches this amount (in the policy's currency) need this level; the first level is 0",
                example = "0") String minAmount,
        @NotBlank @Pattern(regexp = "vendor-manager|executive-sponsor", message = "must be vendor-manager or executive-sponsor")
        @Schema(description = "The vendor's role that decides at this level", example = "vendor-manager") String role) {
}
