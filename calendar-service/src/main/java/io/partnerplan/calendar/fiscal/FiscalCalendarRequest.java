package io.partnerplan.calendar.fiscal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendarRequest", description = "A Gregorian fiscal year starting on startMonth/startDay")
public record FiscalCalendarRequest(
        @NotNull @Min(1) @Max(12) @Schema(example = "2") Integer startMonth,
        @NotNull @Min(1) @Max(28) @Schema(example = "1") Integer startDay,
        @NotNull @Schema(example = "END_YEAR") YearNaming yearNaming) {
}
