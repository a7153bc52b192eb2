package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a date falls in an organisation's fiscal calendar: its year, quarter, period (fiscal month)
 * and week, each with first and last day inclusive. Weeks count from the first day of the fiscal
 * year, so week 1 starts on the year's first day whatever weekday that is.
 */
@Schema(name = "FiscalPosition")
public record FiscalPosition(
        LocalDate date,
        @Schema(example = "2026") int fiscalYear,
        LocalDate yearStart,
        LocalDate yearEnd,
        @Schema(example = "3") int quarter,
        LocalDate quarterStart,
        LocalDate quarterEnd,
        @Schema(example = "8") int period,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Schema(example = "34") int week,
        LocalDate weekStart,
        LocalDate weekEnd,
        @Schema(example = "235") int dayOfYear,
        @Schema(example = "FY26 Q3 P8 W34") String label) {
}
