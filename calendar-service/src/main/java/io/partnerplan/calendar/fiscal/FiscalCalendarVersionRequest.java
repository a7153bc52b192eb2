package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendarVersionRequest", description = "A new definition of the calendar, in effect from a date")
public record FiscalCalendarVersionRequest(
        @NotNull @Schema(example = "2027-02-01", description = "The first day of one of the new calendar's fiscal years, "
                + "the day after one of the current calendar's ends") LocalDate effectiveFrom,
        @NotNull @Valid FiscalCalendarRequest calendar) {
}
