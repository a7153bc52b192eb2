package io.partnerplan.plan.action;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActionRequest")
public record ActionRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Certify three engineers on Contoso Cloud") String title,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) @Schema(description = "A member of the plan (token subject)", example = "paul@northwind.example") String owner,
        @NotNull @Schema(example = "2027-06-30") LocalDate dueOn,
        @Schema(description = "OPEN when absent") ActionStatus status,
        @Size(max = 60) @Schema(description = "Key of the marketing or sales strategy it serves", example = "webinars") String strategyKey,
        @Schema(description = "An objective of the plan it serves") UUID objectiveId) {
}
