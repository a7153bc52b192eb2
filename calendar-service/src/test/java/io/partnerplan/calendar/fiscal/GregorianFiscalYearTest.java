package io.partnerplan.calendar.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

class GregorianFiscalYearTest {

    /**
     * Salesforce: fiscal year starts 1 February and is named by the year it ends in; FY2026 ran
     * 1 Feb 2025 – 31 Jan 2026 (Salesforce 10-K for the fiscal year ended January 31, 2026).
     */
    @Test
    void salesforceStyleFebruaryYearNamedByItsEnd() {
        GregorianFiscalYear fy = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
        FiscalPosition p = fy.locate(LocalDate.of(2025, 9, 15));
        assertEquals(2026, p.fiscalYear());
        assertEquals(3, p.quarter());
        assertEquals(LocalDate.of(2025, 8, 1), p.quarterStart());
        assertEquals(LocalDate.of(2025, 10, 31), p.quarterEnd());
        assertEquals("FY26 Q4 P12 W53", fy.locate(LocalDate.of(2026, 1, 31)).label());
        assertEquals("FY27 Q1 P1 W1", fy.locate(LocalDate.of(2026, 2, 1)).label());
    }

    /** Microsoft: FY2025 = 1 July 2024 – 30 June 2025 (Microsoft investor relations, FY25 Q1 ended 30 Sep 2024). */
    @Test
    void microsoftStyleJulyYear() {
        GregorianFiscalYear fy = new GregorianFiscalYear(Month.JULY, 1, YearNaming.END_YEAR);
        FiscalPosition q1 = fy.locate(LocalDate.of(2024, 7, 1));
        assertEquals(2025, q1.fiscalYear());
        assertEquals(1, q1.quarter());
        assertEquals(LocalDate.of(2024, 9, 30), q1.quarterEnd());
        FiscalPosition last = fy.locate(LocalDate.of(2025, 6, 30));
        assertEquals("FY25 Q4 P12 W53", last.label());
        assertEquals(LocalDate.of(2025, 6, 30), last.yearEnd());
    }

    @Test
    void calendarYearIsTheSameWhicheverWayItIsNamed() {
        for (YearNaming naming : YearNaming.values()) {
            FiscalPosition p = new GregorianFiscalYear(Month.JANUARY, 1, naming).locate(LocalDate.of(2026, 11, 23));
            assertEquals(2026, p.fiscalYear());
            assertEquals("FY26 Q4 P11 W47", p.label());
            assertEquals(LocalDate.of(2026, 10, 1), p.quarterStart());
            assertEquals(LocalDate.of(2026, 12, 31), p.quarterEnd());
        }
    }

    @Test
    void yearNamedByItsStart() {
        FiscalPosition p = new GregorianFiscalYear(Month.APRIL, 1, YearNaming.START_YEAR).locate(LocalDate.of(2027, 3, 31));
        assertEquals(2026, p.fiscalYear());
        assertEquals(4, p.quarter());
    }

    /** Every day of several years falls in exactly one quarter, and quarters tile the year without gaps. */
    @Test
    void quartersTileEveryYearForEveryStart() {
        for (Month month : Month.values()) {
            for (int day : new int[] { 1, 15, 28 }) {
                GregorianFiscalYear fy = new GregorianFiscalYear(month, day, YearNaming.END_YEAR);
                FiscalPosition previous = null;
                for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2029, 1, 1)); d = d.plusDays(1)) {
                    FiscalPosition p = fy.locate(d);
                    assertTrue(!d.isBefore(p.quarterStart()) && !d.isAfter(p.quarterEnd()), d + " outside " + p);
                    assertTrue(!p.quarterStart().isBefore(p.yearStart()) && !p.quarterEnd().isAfter(p.yearEnd()));
                    if (previous != null && !previous.quarterStart().equals(p.quarterStart())) {
                        assertEquals(previous.quarterEnd().plusDays(1), p.quarterStart(), "gap before " + p);
                    }
                    previous = p;
                }
            }
        }
    }

    /** Periods are month-long spans from the start day; weeks count from the year's first day. */
    @Test
    void periodsAndWeeksOfAFebruaryYear() {
        GregorianFiscalYear fy = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
        FiscalPosition p = fy.locate(LocalDate.of(2025, 9, 15));
        assertEquals(8, p.period());
        assertEquals(LocalDate.of(2025, 9, 1), p.periodStart());
        assertEquals(LocalDate.of(2025, 9, 30), p.periodEnd());
        assertEquals(227, p.dayOfYear());
        assertEquals(33, p.week());
        assertEquals(LocalDate.of(2025, 9, 13), p.weekStart());
        assertEquals(LocalDate.of(2025, 9, 19), p.weekEnd());
        assertEquals("FY26 Q3 P8 W33", p.label());

        // 365 days: 52 full weeks and a one-day week 53.
        FiscalPosition lastDay = fy.locate(LocalDate.of(2026, 1, 31));
        assertEquals(LocalDate.of(2026, 1, 31), lastDay.weekStart());
        assertEquals(LocalDate.of(2026, 1, 31), lastDay.weekEnd());
    }

    @Test
    void periodsOfAYearStartingMidMonth() {
        List<FiscalPeriodRange> periods = new GregorianFiscalYear(Month.APRIL, 15, YearNaming.END_YEAR).periods(2027);
        assertEquals(12, periods.size());
        assertEquals(new FiscalPeriodRange(2027, 1, 1, LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 14)), periods.get(0));
        assertEquals(new FiscalPeriodRange(2027, 4, 11, LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 14)), periods.get(10));
        assertEquals(LocalDate.of(2027, 4, 14), periods.get(11).end());
        assertEquals("FY27 Q4 P11", periods.get(10).label());
    }

    @Test
    void yearOfANameUnderBothNamings() {
        assertEquals(new FiscalYearRange(2025, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)),
                new GregorianFiscalYear(Month.JULY, 1, YearNaming.END_YEAR).year(2025));
        assertEquals(new FiscalYearRange(2025, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30)),
                new GregorianFiscalYear(Month.JULY, 1, YearNaming.START_YEAR).year(2025));
        assertEquals(new FiscalYearRange(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                new GregorianFiscalYear(Month.JANUARY, 1, YearNaming.END_YEAR).year(2025));
    }

    /** Microsoft's quarters touched by the calendar year 2025: FY25 Q3 to FY26 Q2. */
    @Test
    void quartersAndYearsARangeTouches() {
        GregorianFiscalYear fy = new GregorianFiscalYear(Month.JULY, 1, YearNaming.END_YEAR);
        List<FiscalQuarterRange> quarters = fy.quartersTouching(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(List.of("FY25 Q3", "FY25 Q4", "FY26 Q1", "FY26 Q2"),
                quarters.stream().map(FiscalQuarterRange::label).toList());
        assertEquals(new FiscalQuarterRange(2026, 2, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)), quarters.get(3));
        assertEquals(List.of(2025, 2026), fy.yearsTouching(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1))
                .stream().map(FiscalYearRange::fiscalYear).toList());
        assertEquals(1, fy.quartersTouching(LocalDate.of(2025, 8, 3), LocalDate.of(2025, 8, 3)).size());
    }

    @Test
    void impossibleStartDaysAreRefused() {
        assertThrows(DateTimeException.class, () -> new GregorianFiscalYear(Month.FEBRUARY, 30, YearNaming.END_YEAR));
        assertThrows(DateTimeException.class, () -> new GregorianFiscalYear(null, 1, YearNaming.END_YEAR));
    }
}
