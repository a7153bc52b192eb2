package io.partnerplan.plan.investment;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.plan.Side;

@Schema(name = "InvestmentRequest")
public record InvestmentRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Second presales engineer") String title,
        @Size(max = 4000) String description,
        @NotNull Side fundingParty,
        @NotBlank @Pattern(regexp = "\\d{1,16}(\\.\\d{1,4})?", message = "must be a positive decimal number with at most 4 decimals")
        @Schema(example = "120000") String amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotNull @Schema(description = "The milestone whose achievement releases the investment") UUID milestoneId,
        @Schema(description = "On change only: WITHDRAWN withdraws a locked investment") InvestmentStatus status) {
}
