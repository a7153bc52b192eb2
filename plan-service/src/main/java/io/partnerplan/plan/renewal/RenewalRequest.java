package io.partnerplan.plan.renewal;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RenewalRequest", description = "Everything optional: by default the next period of the same length, same title")
public record RenewalRequest(
        @Size(min = 1, max = 200) @Schema(example = "Northwind FY28 joint business plan") String title,
        @Schema(description = "The day after the current horizon when absent", example = "2028-02-01") LocalDate horizonStart,
        @Schema(description = "As long as the current horizon when absent", example = "2029-01-31") LocalDate horizonEnd,
        @Size(max = 2000) @Schema(description = "Why renew before the renewal window opens (required then; kept with the "
                + "renewal and announced with it)", example = "Both sides plan next year before the budget round") String reason) {
}
