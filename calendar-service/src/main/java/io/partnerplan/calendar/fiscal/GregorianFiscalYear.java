package io.partnerplan.calendar.fiscal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A fiscal year of twelve calendar months starting on a fixed month and day. Its periods are the
 * twelve month-long spans from that day, three to a quarter; its weeks are 7-day weeks from the
 * year's first day, so the last week has only one or two days. Pure arithmetic, no time zone:
 * dates are the organisation's own.
 */
public record GregorianFiscalYear(Month startMonth, int startDay, YearNaming naming) implements FiscalCalendarRules {

    private static final int PERIODS = 12;
    private static final int PERIODS_PER_QUARTER = 3;

    public GregorianFiscalYear {
        if (startMonth == null || naming == null) {
            throw new DateTimeException("startMonth and naming are required");
        }
        // Day 29-31 would not exist in every month a period starts in; real calendars start by the 28th.
        if (startDay < 1 || startDay > 28) {
            throw new DateTimeException("startDay must be between 1 and 28");
        }
    }

    @Override
    public FiscalPosition locate(LocalDate date) {
        LocalDate start = MonthDay.of(startMonth, startDay).atYear(date.getYear());
        if (date.isBefore(start)) {
            start = start.minusYears(1);
        }
        LocalDate end = start.plusYears(1).minusDays(1);
        int fiscalYear = naming == YearNaming.END_YEAR ? end.getYear() : start.getYear();
        // Exact because every period starts on the same day of month (at most the 28th).
        int period = (int) ChronoUnit.MONTHS.between(start, date) + 1;
        int quarter = (period - 1) / PERIODS_PER_QUARTER + 1;
        int dayOfYear = (int) ChronoUnit.DAYS.between(start, date) + 1;
        int week = (dayOfYear - 1) / 7 + 1;
        LocalDate weekStart = start.plusDays(7L * (week - 1));
        LocalDate weekEnd = weekStart.plusDays(6);
        return new FiscalPosition(date, fiscalYear, start, end,
                quarter, periodStart(start, (quarter - 1) * PERIODS_PER_QUARTER + 1),
                periodStart(start, quarter * PERIODS_PER_QUARTER + 1).minusDays(1),
                period, periodStart(start, period), periodStart(start, period + 1).minusDays(1),
                week, weekStart, weekEnd.isAfter(end) ? end : weekEnd,
                dayOfYear, FiscalLabels.week(fiscalYear, quarter, period, week));
    }

    @Override
    public FiscalYearRange year(int fiscalYear) {
        LocalDate start = yearStart(fiscalYear);
        return new FiscalYearRange(fiscalYear, start, start.plusYears(1).minusDays(1));
    }

    @Override
    public List<FiscalPeriodRange> periods(int fiscalYear) {
        LocalDate start = yearStart(fiscalYear);
        List<FiscalPeriodRange> periods = new ArrayList<>(PERIODS);
        for (int period = 1; period <= PERIODS; period++) {
            periods.add(new FiscalPeriodRange(fiscalYear, (period - 1) / PERIODS_PER_QUARTER + 1, period,
                    periodStart(start, period), periodStart(start, period + 1).minusDays(1)));
        }
        return periods;
    }

    private LocalDate yearStart(int fiscalYear) {
        // Only a year starting on 1 January ends in the calendar year it starts in.
        boolean endsInStartYear = startMonth == Month.JANUARY && startDay == 1;
        int startYear = naming == YearNaming.START_YEAR || endsInStartYear ? fiscalYear : fiscalYear - 1;
        return MonthDay.of(startMonth, startDay).atYear(startYear);
    }

    private static LocalDate periodStart(LocalDate yearStart, int period) {
        return yearStart.plusMonths(period - 1L);
    }
}
