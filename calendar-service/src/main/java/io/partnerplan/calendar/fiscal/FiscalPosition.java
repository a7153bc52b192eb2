package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a date falls in an organisation's fiscal calendar. */
@Schema(name = "FiscalPosition")
public record FiscalPosition(
        LocalDate date,
        @Schema(example = "2026") int fiscalYear,
        LocalDate yearStart,
        LocalDate yearEnd,
        @Schema(example = "3") int quarter,
        LocalDate quarterStart,
        LocalDate quarterEnd,
        @Schema(example = "FY26 Q3") String label) {
}
