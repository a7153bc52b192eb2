package io.partnerplan.plan.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable header of a plan; the parties never change. */
@Schema(name = "PlanUpdate")
public record PlanUpdate(
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDate horizonStart,
        @NotNull LocalDate horizonEnd,
        @Schema(description = "Unchanged when absent") ReviewCadence reviewCadence,
        @Schema(description = "Who signs for each side; unchanged when absent") SigningPolicy signingPolicy) {
}
