package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One fiscal year, first and last day inclusive. */
public record FiscalYearRange(int fiscalYear, LocalDate start, LocalDate end) {

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public String label() {
        return FiscalLabels.year(fiscalYear);
    }
}
