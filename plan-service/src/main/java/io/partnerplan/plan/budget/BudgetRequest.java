package io.partnerplan.plan.budget;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.plan.Side;

@Schema(name = "BudgetRequest")
public record BudgetRequest(
        @Schema(description = "In an amendment: the budget changed; absent for a new one. Ignored elsewhere") UUID id,
        @NotBlank @Size(max = 200) @Schema(example = "Q2 webinar series") String title,
        @NotNull Side fundingParty,
        @NotNull ResourceType resourceType,
        @NotNull @Schema(description = "MDF is always funded by the vendor") FundingKind kind,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotBlank @Pattern(regexp = AMOUNT, message = AMOUNT_RULE) @Schema(example = "50000") String planned,
        @Pattern(regexp = AMOUNT, message = AMOUNT_RULE) @Schema(description = "0 when absent", example = "20000") String committed,
        @Pattern(regexp = AMOUNT, message = AMOUNT_RULE) @Schema(description = "0 when absent", example = "12500.50") String spent) {

    static final String AMOUNT = "\\d{1,16}(\\.\\d{1,4})?";
    static final String AMOUNT_RULE = "must be a non-negative decimal number with at most 4 decimals";
}
