package io.partnerplan.plan.amendment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AmendmentRequest")
public record AmendmentRequest(
        @NotBlank @Size(max = 4000) @Schema(example = "Webinars outperform events: move the Q3 budget") String reason,
        @NotNull @Valid AmendmentChanges changes) {

    @Schema(name = "AmendmentWithdrawal")
    public record Withdrawal(@NotBlank @Size(max = 4000) @Schema(example = "Superseded by the Q3 review's decisions") String reason) {
    }

    @Schema(name = "AmendmentRejection")
    public record Rejection(@NotBlank @Size(max = 4000) @Schema(example = "Events are committed with the venue") String reason) {
    }
}
