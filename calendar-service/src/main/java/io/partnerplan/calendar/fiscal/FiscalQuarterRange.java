package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One fiscal quarter, first and last day inclusive. */
public record FiscalQuarterRange(int fiscalYear, int quarter, LocalDate start, LocalDate end) {

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** Whether the quarter shares at least one day with {@code from..to}, both inclusive. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !end.isBefore(from) && !start.isAfter(to);
    }

    /** "FY26 Q3". */
    public String label() {
        return FiscalLabels.quarter(fiscalYear, quarter);
    }

    FiscalQuarterRange through(LocalDate newEnd) {
        return new FiscalQuarterRange(fiscalYear, quarter, start, newEnd);
    }
}
