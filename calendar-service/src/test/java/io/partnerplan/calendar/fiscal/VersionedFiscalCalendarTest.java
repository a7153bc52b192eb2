package io.partnerplan.calendar.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

class VersionedFiscalCalendarTest {

    /** A February-to-January fiscal year, as many retailers kept before moving to a 4-5-4 calendar. */
    private final FiscalCalendarRules gregorianFeb = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
    /** Year ends on the Saturday nearest 31 January (NRF style); 31 January 2026 is such a Saturday. */
    private final FiscalCalendarRules retail454 = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.JANUARY, YearEndRule.NEAREST,
            PeriodPattern.FOUR_FIVE_FOUR, YearNaming.END_YEAR);
    private static final LocalDate SWITCH = LocalDate.of(2026, 2, 1);

    private FiscalCalendarRules switched() {
        return VersionedFiscalCalendar.of(gregorianFeb, List.of(new VersionedFiscalCalendar.Version(SWITCH, retail454)));
    }

    @Test
    void datesBeforeTheSwitchKeepTheOldCalendarAndLaterOnesUseTheNew() {
        FiscalCalendarRules calendar = switched();
        assertEquals(gregorianFeb.locate(LocalDate.of(2026, 1, 31)), calendar.locate(LocalDate.of(2026, 1, 31)));
        assertEquals(retail454.locate(SWITCH), calendar.locate(SWITCH));
        assertEquals(retail454.locate(LocalDate.of(2026, 3, 1)), calendar.locate(LocalDate.of(2026, 3, 1)));
        // FY2026 is the last Gregorian year (12 calendar months), FY2027 the first 4-5-4 one (periods of whole weeks).
        assertEquals(gregorianFeb.periods(2026), calendar.periods(2026));
        assertEquals(retail454.periods(2027), calendar.periods(2027));
        assertEquals(28, calendar.periods(2027).get(0).end().toEpochDay() - calendar.periods(2027).get(0).start().toEpochDay() + 1);
        assertEquals(2027, calendar.quartersTouching(SWITCH, SWITCH).get(0).fiscalYear());
        assertEquals(List.of(2026, 2027), calendar.yearsTouching(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15))
                .stream().map(FiscalYearRange::fiscalYear).toList());
    }

    @Test
    void everyDayAroundTheSwitchFallsInExactlyOneYearAndYearsChain() {
        FiscalCalendarRules calendar = switched();
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2029, 12, 31)); day = day.plusDays(1)) {
            LocalDate d = day;
            FiscalPosition p = calendar.locate(d);
            FiscalYearRange year = calendar.year(p.fiscalYear());
            assertTrue(!d.isBefore(year.start()) && !d.isAfter(year.end()), d + " " + p);
            assertEquals(year.end().plusDays(1), calendar.year(p.fiscalYear() + 1).start(), d + " " + p);
            long inPeriods = calendar.periods(p.fiscalYear()).stream().filter(period -> period.contains(d)).count();
            assertEquals(1, inPeriods, d + " " + p);
        }
    }

    @Test
    void withoutLaterVersionsTheCalendarIsItself() {
        assertSame(gregorianFeb, VersionedFiscalCalendar.of(gregorianFeb, List.of()));
    }

    @Test
    void versionsThatWouldLeaveAGapOverlapOrRenameAYearAreRefused() {
        // Calendar year to a July year: 1 July 2026 is no day after a calendar year ends.
        FiscalCalendarRules calendarYear = new GregorianFiscalYear(Month.JANUARY, 1, YearNaming.END_YEAR);
        FiscalCalendarRules julyEnd = new GregorianFiscalYear(Month.JULY, 1, YearNaming.END_YEAR);
        VersionedFiscalCalendar.BrokenChain gap = assertThrows(VersionedFiscalCalendar.BrokenChain.class, () ->
                VersionedFiscalCalendar.of(calendarYear, List.of(new VersionedFiscalCalendar.Version(LocalDate.of(2026, 7, 1), julyEnd))));
        assertTrue(gap.getMessage().contains("2026-12-31"), gap.getMessage());
        // Not the first day of one of the new calendar's years.
        assertThrows(VersionedFiscalCalendar.BrokenChain.class, () ->
                VersionedFiscalCalendar.of(calendarYear, List.of(new VersionedFiscalCalendar.Version(LocalDate.of(2027, 1, 1), julyEnd))));
        // Same July year, named by its start: the year starting 1 July 2027 would be FY2027 a second time.
        FiscalCalendarRules julyStart = new GregorianFiscalYear(Month.JULY, 1, YearNaming.START_YEAR);
        VersionedFiscalCalendar.BrokenChain renamed = assertThrows(VersionedFiscalCalendar.BrokenChain.class, () ->
                VersionedFiscalCalendar.of(julyEnd, List.of(new VersionedFiscalCalendar.Version(LocalDate.of(2027, 7, 1), julyStart))));
        assertTrue(renamed.getMessage().contains("FY2028"), renamed.getMessage());
        // Two versions from the same day, or out of order.
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> VersionedFiscalCalendar.of(gregorianFeb,
                List.of(new VersionedFiscalCalendar.Version(SWITCH, retail454), new VersionedFiscalCalendar.Version(SWITCH, retail454))));
        assertTrue(!(overlap instanceof VersionedFiscalCalendar.BrokenChain));
    }
}
