package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One period (fiscal month) of a fiscal year, first and last day inclusive, with its quarter. */
public record FiscalPeriodRange(int fiscalYear, int quarter, int period, LocalDate start, LocalDate end) {

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** "FY26 Q3 P8". */
    public String label() {
        return FiscalLabels.period(fiscalYear, quarter, period);
    }
}
