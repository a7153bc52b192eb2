package io.partnerplan.calendar.fiscal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;

/**
 * A fiscal year of twelve calendar months starting on a fixed month and day, with quarters of
 * three months from that day. Pure arithmetic, no time zone: dates are the organisation's own.
 */
public record GregorianFiscalYear(Month startMonth, int startDay, YearNaming naming) {

    public GregorianFiscalYear {
        // Day 29-31 would not exist in every month a quarter starts in; real calendars start by the 28th.
        if (startDay < 1 || startDay > 28) {
            throw new DateTimeException("startDay must be between 1 and 28");
        }
    }

    public FiscalPosition locate(LocalDate date) {
        LocalDate start = MonthDay.of(startMonth, startDay).atYear(date.getYear());
        if (date.isBefore(start)) {
            start = start.minusYears(1);
        }
        LocalDate end = start.plusYears(1).minusDays(1);
        int quarter = 1;
        LocalDate quarterStart = start;
        while (!date.isBefore(start.plusMonths(3L * quarter))) {
            quarterStart = start.plusMonths(3L * quarter);
            quarter++;
        }
        LocalDate quarterEnd = start.plusMonths(3L * quarter).minusDays(1);
        int fiscalYear = naming == YearNaming.END_YEAR ? end.getYear() : start.getYear();
        String label = "FY%02d Q%d".formatted(fiscalYear % 100, quarter);
        return new FiscalPosition(date, fiscalYear, start, end, quarter, quarterStart, quarterEnd, label);
    }
}
