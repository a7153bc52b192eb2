package io.partnerplan.plan.milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MilestoneRequest")
public record MilestoneRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Q1 revenue of 200k") String title,
        @Size(max = 4000) String description,
        @NotNull @Schema(example = "2027-04-30") LocalDate dueOn,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid CriterionRequest> criteria) {

    @Schema(name = "MilestoneCriterionRequest", description = "KPI: kpi, threshold, windowStart, windowEnd. CHECKLIST: items.")
    public record CriterionRequest(
            @Schema(description = "Keep a criterion's id when changing it; absent for a new one") UUID id,
            @NotNull CriterionKind kind,
            @Size(max = 60) @Schema(example = "revenue") String kpi,
            @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
            @Schema(example = "200000") String threshold,
            @Schema(example = "2027-02-01") LocalDate windowStart,
            @Schema(example = "2027-04-30") LocalDate windowEnd,
            @Size(max = 50) List<@NotNull @Valid Item> items) {
    }

    @Schema(name = "ChecklistItemRequest")
    public record Item(@NotBlank @Size(max = 300) String text, boolean done) {
    }
}
