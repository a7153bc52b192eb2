package io.partnerplan.calendar.fiscal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 52/53-week ("retail") fiscal year: it ends on a fixed weekday at or near the end of a fixed
 * month, so it always holds whole weeks, and every five or six years a 53rd week goes into the
 * period chosen by {@link ExtraWeekPlacement}.
 *
 * <p>A year is named after the calendar year of the month it nominally ends in ({@link YearNaming#END_YEAR})
 * or nominally starts in ({@link YearNaming#START_YEAR}), even when the {@link YearEndRule#NEAREST}
 * rule moves its real last day a few days into the next month: the NRF's fiscal 2023 ends on
 * 3 February 2024 and is named by its start.
 */
public record RetailFiscalYear(DayOfWeek yearEndWeekday, Month yearEndMonth, YearEndRule yearEndRule,
                               PeriodPattern pattern, ExtraWeekPlacement extraWeek, YearNaming naming)
        implements FiscalCalendarRules {

    public RetailFiscalYear {
        if (yearEndWeekday == null || yearEndMonth == null || yearEndRule == null || pattern == null
                || extraWeek == null || naming == null) {
            throw new DateTimeException("A 52/53-week calendar needs its year-end weekday, month and rule, "
                    + "period pattern, extra-week placement and year naming");
        }
        if (extraWeek.period(pattern) > pattern.periods()) {
            throw new DateTimeException("The extra week's period " + extraWeek.period(pattern) + " is not one of the "
                    + pattern.periods() + " periods of " + pattern);
        }
    }

    /** With the extra week in the last period of the fourth quarter. */
    public RetailFiscalYear(DayOfWeek yearEndWeekday, Month yearEndMonth, YearEndRule yearEndRule,
                            PeriodPattern pattern, YearNaming naming) {
        this(yearEndWeekday, yearEndMonth, yearEndRule, pattern, ExtraWeekPlacement.lastPeriod(), naming);
    }

    @Override
    public FiscalPosition locate(LocalDate date) {
        YearEnds ends = yearEnds();
        // The year-end month's calendar year identifies a fiscal year; NEAREST may push its end into the next month.
        int endYear = date.getYear();
        long day = date.toEpochDay();
        long end = ends.of(endYear);
        if (day > end) {
            end = ends.of(++endYear);
        }
        long previousEnd = ends.of(endYear - 1);
        if (day <= previousEnd) {
            end = previousEnd;
            previousEnd = ends.of(--endYear - 1);
        }
        LocalDate start = LocalDate.ofEpochDay(previousEnd + 1);
        int[] firstWeek = end - previousEnd > 52 * 7 ? ends.longYearFirstWeeks : ends.shortYearFirstWeeks;
        int dayOfYear = (int) (day - previousEnd);
        int week = (dayOfYear - 1) / 7 + 1;
        int period = 1;
        while (firstWeek[period] <= week) {
            period++;
        }
        int quarter = pattern.quarter(period);
        int fiscalYear = fiscalYearEndingIn(endYear);
        return new FiscalPosition(date, fiscalYear, start, LocalDate.ofEpochDay(end),
                quarter, weekStart(start, firstWeek[ends.firstPeriod[quarter] - 1]),
                weekStart(start, firstWeek[ends.lastPeriod[quarter]]).minusDays(1),
                period, weekStart(start, firstWeek[period - 1]), weekStart(start, firstWeek[period]).minusDays(1),
                week, weekStart(start, week), weekStart(start, week).plusDays(6),
                dayOfYear, FiscalLabels.week(fiscalYear, quarter, period, week));
    }

    /**
     * Year ends (as epoch days) of 1900-2299 and the period layout of short and long years, computed once per
     * calendar definition: a lookup then reads three numbers instead of working out three year ends.
     */
    private static final class YearEnds {

        private static final int FIRST = 1900;
        private static final int LAST = 2299;

        private final RetailFiscalYear calendar;
        private final long[] ends = new long[LAST - FIRST + 1];
        private final int[] shortYearFirstWeeks;
        private final int[] longYearFirstWeeks;
        private final int[] firstPeriod = new int[5];
        private final int[] lastPeriod = new int[5];

        YearEnds(RetailFiscalYear calendar) {
            this.calendar = calendar;
            for (int year = FIRST; year <= LAST; year++) {
                ends[year - FIRST] = calendar.yearEnd(year).toEpochDay();
            }
            shortYearFirstWeeks = calendar.firstWeeks(false);
            longYearFirstWeeks = calendar.firstWeeks(true);
            for (int quarter = 1; quarter <= 4; quarter++) {
                firstPeriod[quarter] = calendar.firstPeriod(quarter);
                lastPeriod[quarter] = calendar.lastPeriod(quarter);
            }
        }

        long of(int endYear) {
            return endYear >= FIRST && endYear <= LAST ? ends[endYear - FIRST] : calendar.yearEnd(endYear).toEpochDay();
        }
    }

    /** Tables of the calendar definitions in use (a handful per deployment; bounded all the same). */
    private static final Map<RetailFiscalYear, YearEnds> YEAR_ENDS = new ConcurrentHashMap<>();
    private static final int MAX_TABLES = 1024;

    private YearEnds yearEnds() {
        YearEnds ends = YEAR_ENDS.get(this);
        if (ends == null) {
            ends = new YearEnds(this);
            if (YEAR_ENDS.size() < MAX_TABLES) {
                YEAR_ENDS.putIfAbsent(this, ends);
            }
        }
        return ends;
    }

    @Override
    public FiscalYearRange year(int fiscalYear) {
        int endYear = endYearOf(fiscalYear);
        return new FiscalYearRange(fiscalYear, yearEnd(endYear - 1).plusDays(1), yearEnd(endYear));
    }

    @Override
    public List<FiscalPeriodRange> periods(int fiscalYear) {
        FiscalYearRange year = year(fiscalYear);
        int[] firstWeek = firstWeeks(year.start(), year.end());
        List<FiscalPeriodRange> periods = new ArrayList<>(pattern.periods());
        for (int period = 1; period <= pattern.periods(); period++) {
            periods.add(new FiscalPeriodRange(fiscalYear, pattern.quarter(period), period,
                    weekStart(year.start(), firstWeek[period - 1]),
                    weekStart(year.start(), firstWeek[period]).minusDays(1)));
        }
        return periods;
    }

    /** 52 or 53. */
    public int weeks(int fiscalYear) {
        return year(fiscalYear).days() / 7;
    }

    private LocalDate yearEnd(int endYear) {
        return yearEndRule.yearEnd(endYear, yearEndMonth, yearEndWeekday);
    }

    private int fiscalYearEndingIn(int endYear) {
        return naming == YearNaming.END_YEAR || yearEndMonth == Month.DECEMBER ? endYear : endYear - 1;
    }

    private int endYearOf(int fiscalYear) {
        return naming == YearNaming.END_YEAR || yearEndMonth == Month.DECEMBER ? fiscalYear : fiscalYear + 1;
    }

    /** The first week of each period, 1-based, plus one past the last week at index {@code periods}. */
    private int[] firstWeeks(LocalDate start, LocalDate end) {
        return firstWeeks(ChronoUnit.DAYS.between(start, end) + 1 > 52 * 7);
    }

    private int[] firstWeeks(boolean longYear) {
        int extraPeriod = extraWeek.period(pattern);
        int[] firstWeek = new int[pattern.periods() + 1];
        firstWeek[0] = 1;
        for (int period = 1; period <= pattern.periods(); period++) {
            int weeks = pattern.weeks(period) + (longYear && period == extraPeriod ? 1 : 0);
            firstWeek[period] = firstWeek[period - 1] + weeks;
        }
        return firstWeek;
    }

    private int firstPeriod(int quarter) {
        int period = 1;
        while (pattern.quarter(period) < quarter) {
            period++;
        }
        return period;
    }

    private int lastPeriod(int quarter) {
        int period = pattern.periods();
        while (pattern.quarter(period) > quarter) {
            period--;
        }
        return period;
    }

    private static LocalDate weekStart(LocalDate yearStart, int week) {
        return yearStart.plusDays(7L * (week - 1));
    }
}
