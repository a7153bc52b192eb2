package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendarVersionRequest", description = "A new definition of the calendar, in effect from a date")
public record FiscalCalendarVersionRequest(
        @NotNull @Schema(example = "2027-02-01", description = "The first day of one of the new calendar's fiscal years (or of the "
                + "transition year), the day after one of the current calendar's ends") LocalDate effectiveFrom,
        @NotNull @Valid FiscalCalendarRequest calendar,
        @Schema(description = "Declares a change of fiscal year end: effectiveFrom is then the day after one of the current "
                + "calendar's years ends, in the middle of one of the new calendar's, and one transition year runs to the end "
                + "of that new year (SHORT, at least 28 days) or of the one after (LONG); the new calendar's years follow, "
                + "named on from it. Absent: the new calendar's year must start on effectiveFrom", nullable = true)
        Transition transition) {
}
