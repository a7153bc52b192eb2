package io.partnerplan.plan.objective;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObjectiveRequest")
public record ObjectiveRequest(
        @Schema(description = "In an amendment: the objective changed; absent for a new one. Ignored elsewhere") UUID id,
        @NotBlank @Size(max = 200) @Schema(example = "Grow cloud revenue in EMEA") String title,
        @Size(max = 4000) String description,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid MeasureRequest> measures,
        @NotNull @Schema(example = "2027-02-01") LocalDate periodStart,
        @NotNull @Schema(example = "2027-07-31") LocalDate periodEnd) {

    @Schema(name = "ObjectiveMeasure", description = "A KPI of the tenant's library and the target the objective aims for")
    public record MeasureRequest(
            @NotBlank @Size(max = 60) @Schema(example = "revenue") String kpi,
            @NotBlank @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
            @Schema(example = "500000") String target) {
    }
}
