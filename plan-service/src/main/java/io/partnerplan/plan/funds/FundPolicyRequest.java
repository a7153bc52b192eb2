package io.partnerplan.plan.funds;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundPolicyRequest")
public record FundPolicyRequest(
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
        @Schema(description = "The currency of the thresholds; a request in another currency needs every level", example = "USD")
        String currency,
        @NotNull @Size(min = 1, max = 5) @Schema(description = "Ascending by minAmount, the first from 0")
        List<@NotNull @Valid ApprovalLevel> levels,
        @Min(1) @Max(730) @Schema(description = "Days after the activity ends within which an approval is claimed (90 when absent)",
                example = "90") Integer claimWindowDays,
        @Min(0) @Max(365) @Schema(description = "Days before the claim-by date the partner is reminded (14 when absent)", example = "14")
        Integer reminderDays) {
}
