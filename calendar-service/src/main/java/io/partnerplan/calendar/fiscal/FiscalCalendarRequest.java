package io.partnerplan.calendar.fiscal;

import java.time.DayOfWeek;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendarRequest", description = "A Gregorian fiscal year (startMonth, startDay) or a 52/53-week one "
        + "(yearEndWeekday, yearEndMonth, yearEndRule, periodPattern, extraWeekPeriod)")
public record FiscalCalendarRequest(
        @Schema(description = "GREGORIAN when absent") CalendarKind kind,
        @NotNull @Schema(example = "END_YEAR") YearNaming yearNaming,
        @Min(1) @Max(12) @Schema(example = "2", description = "Gregorian: month the fiscal year starts") Integer startMonth,
        @Min(1) @Max(28) @Schema(example = "1", description = "Gregorian: day the fiscal year starts") Integer startDay,
        @Schema(example = "SATURDAY", description = "52/53-week: weekday the year ends on") DayOfWeek yearEndWeekday,
        @Min(1) @Max(12) @Schema(example = "1", description = "52/53-week: month the year ends in or near") Integer yearEndMonth,
        @Schema(example = "NEAREST", description = "52/53-week: LAST such weekday of the month, or the one NEAREST its end") YearEndRule yearEndRule,
        @Schema(example = "FOUR_FIVE_FOUR", description = "52/53-week: how weeks split into periods") PeriodPattern periodPattern,
        @Min(1) @Max(13) @Schema(description = "52/53-week: period taking the 53rd week; the last period when absent") Integer extraWeekPeriod) {
}
