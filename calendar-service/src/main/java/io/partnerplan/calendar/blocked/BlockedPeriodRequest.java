package io.partnerplan.calendar.blocked;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BlockedPeriodRequest", description = "A holiday or blackout period; both dates inclusive")
public record BlockedPeriodRequest(@NotNull @Schema(example = "HOLIDAY") BlockedPeriodKind kind,
                                   @NotBlank @Size(max = 200) @Schema(example = "Christmas Day") String name,
                                   @NotNull @Schema(example = "2026-12-25") LocalDate startsOn,
                                   @NotNull @Schema(example = "2026-12-25") LocalDate endsOn) {
}
