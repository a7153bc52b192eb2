package io.partnerplan.calendar.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 52/53-week calendars checked against calendars their owners publish. */
class RetailFiscalYearTest {

    /**
     * NRF 4-5-4 Calendar, nrf.com: the retail year ends on the Saturday nearest the end of January,
     * is named by the calendar year it starts in, and a 53rd week goes into January, its last period.
     */
    private static final RetailFiscalYear NRF = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.JANUARY,
            YearEndRule.NEAREST, PeriodPattern.FOUR_FIVE_FOUR, YearNaming.START_YEAR);

    /**
     * Apple Inc., Form 10-K for fiscal 2023, Note 1: the fiscal year is the 52- or 53-week period
     * ending on the last Saturday of September; fiscal 2023 spanned 53 weeks, the extra week in its
     * first quarter. Apple publishes quarters, not periods, so only quarters are checked.
     */
    private static final RetailFiscalYear APPLE = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.SEPTEMBER,
            YearEndRule.LAST, PeriodPattern.FOUR_FOUR_FIVE, ExtraWeekPlacement.firstPeriod(), YearNaming.END_YEAR);

    /**
     * Costco Wholesale, Forms 10-K for fiscal 2023 and 2024 and its quarterly results releases: the
     * fiscal year ends on the Sunday closest to the end of August; fiscal 2023 (53 weeks) ended
     * 3 September 2023 with a 17-week fourth quarter, fiscal 2024 (52 weeks) ended 1 September 2024;
     * the other quarters have 12 weeks. Costco's months are not checked, only its quarters.
     */
    private static final RetailFiscalYear COSTCO = new RetailFiscalYear(DayOfWeek.SUNDAY, Month.AUGUST,
            YearEndRule.NEAREST, PeriodPattern.THIRTEEN_PERIODS, YearNaming.END_YEAR);

    @Test
    void nrf2023IsA53WeekYearWithAFiveWeekJanuary() {
        assertEquals(new FiscalYearRange(2023, LocalDate.of(2023, 1, 29), LocalDate.of(2024, 2, 3)), NRF.year(2023));
        assertEquals(53, NRF.weeks(2023));
        List<FiscalPeriodRange> periods = NRF.periods(2023);
        assertEquals(new FiscalPeriodRange(2023, 1, 1, LocalDate.of(2023, 1, 29), LocalDate.of(2023, 2, 25)), periods.get(0));
        assertEquals(new FiscalPeriodRange(2023, 1, 2, LocalDate.of(2023, 2, 26), LocalDate.of(2023, 4, 1)), periods.get(1));
        assertEquals(new FiscalPeriodRange(2023, 4, 11, LocalDate.of(2023, 11, 26), LocalDate.of(2023, 12, 30)), periods.get(10));
        assertEquals(new FiscalPeriodRange(2023, 4, 12, LocalDate.of(2023, 12, 31), LocalDate.of(2024, 2, 3)), periods.get(11));

        FiscalPosition lastDay = NRF.locate(LocalDate.of(2024, 2, 3));
        assertEquals("FY23 Q4 P12 W53", lastDay.label());
        assertEquals(LocalDate.of(2024, 1, 28), lastDay.weekStart());
        assertEquals(371, lastDay.dayOfYear());
        assertEquals("FY24 Q1 P1 W1", NRF.locate(LocalDate.of(2024, 2, 4)).label());
    }

    @Test
    void nrf2024IsA52WeekYear() {
        assertEquals(new FiscalYearRange(2024, LocalDate.of(2024, 2, 4), LocalDate.of(2025, 2, 1)), NRF.year(2024));
        assertEquals(52, NRF.weeks(2024));
        assertEquals(List.of(
                new FiscalQuarterRange(2024, 1, LocalDate.of(2024, 2, 4), LocalDate.of(2024, 5, 4)),
                new FiscalQuarterRange(2024, 2, LocalDate.of(2024, 5, 5), LocalDate.of(2024, 8, 3)),
                new FiscalQuarterRange(2024, 3, LocalDate.of(2024, 8, 4), LocalDate.of(2024, 11, 2)),
                new FiscalQuarterRange(2024, 4, LocalDate.of(2024, 11, 3), LocalDate.of(2025, 2, 1))), NRF.quarters(2024));

        // Black Friday 2024 in the NRF's November (4 weeks, 3-30 November).
        FiscalPosition blackFriday = NRF.locate(LocalDate.of(2024, 11, 29));
        assertEquals("FY24 Q4 P10 W43", blackFriday.label());
        assertEquals(LocalDate.of(2024, 11, 3), blackFriday.periodStart());
        assertEquals(LocalDate.of(2024, 11, 30), blackFriday.periodEnd());
        assertEquals(LocalDate.of(2024, 11, 24), blackFriday.weekStart());
        assertEquals(LocalDate.of(2024, 11, 30), blackFriday.weekEnd());
        assertEquals(LocalDate.of(2024, 11, 3), blackFriday.quarterStart());
        assertEquals(LocalDate.of(2025, 2, 1), blackFriday.quarterEnd());
    }

    @Test
    void appleFiscal2023HasAFourteenWeekFirstQuarter() {
        assertEquals(new FiscalYearRange(2022, LocalDate.of(2021, 9, 26), LocalDate.of(2022, 9, 24)), APPLE.year(2022));
        assertEquals(new FiscalYearRange(2023, LocalDate.of(2022, 9, 25), LocalDate.of(2023, 9, 30)), APPLE.year(2023));
        assertEquals(new FiscalYearRange(2024, LocalDate.of(2023, 10, 1), LocalDate.of(2024, 9, 28)), APPLE.year(2024));
        assertEquals(53, APPLE.weeks(2023));
        assertEquals(52, APPLE.weeks(2024));

        List<FiscalQuarterRange> fy23 = APPLE.quarters(2023);
        assertEquals(new FiscalQuarterRange(2023, 1, LocalDate.of(2022, 9, 25), LocalDate.of(2022, 12, 31)), fy23.get(0));
        assertEquals(98, fy23.get(0).days());
        assertEquals(LocalDate.of(2023, 4, 1), fy23.get(1).end());
        assertEquals(LocalDate.of(2023, 12, 30), APPLE.quarters(2024).get(0).end());
        assertEquals(LocalDate.of(2024, 3, 30), APPLE.quarters(2024).get(1).end());
        assertEquals("FY23 Q1 P1 W1", APPLE.locate(LocalDate.of(2022, 9, 25)).label());
        assertEquals("FY24 Q1 P1 W1", APPLE.locate(LocalDate.of(2023, 10, 1)).label());
    }

    @Test
    void costcoFiscal2023HasASeventeenWeekFourthQuarter() {
        assertEquals(new FiscalYearRange(2023, LocalDate.of(2022, 8, 29), LocalDate.of(2023, 9, 3)), COSTCO.year(2023));
        assertEquals(new FiscalYearRange(2024, LocalDate.of(2023, 9, 4), LocalDate.of(2024, 9, 1)), COSTCO.year(2024));
        assertEquals(List.of(84, 84, 84, 119), COSTCO.quarters(2023).stream().map(FiscalQuarterRange::days).toList());
        assertEquals(List.of(84, 84, 84, 112), COSTCO.quarters(2024).stream().map(FiscalQuarterRange::days).toList());
        assertEquals(LocalDate.of(2023, 5, 8), COSTCO.quarters(2023).get(3).start());
        assertEquals(LocalDate.of(2023, 11, 26), COSTCO.quarters(2024).get(0).end());

        List<FiscalPeriodRange> periods = COSTCO.periods(2023);
        assertEquals(13, periods.size());
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4), periods.stream().map(FiscalPeriodRange::quarter).toList());
        assertEquals(35, periods.get(12).days());
        assertEquals("FY23 Q4 P13 W53", COSTCO.locate(LocalDate.of(2023, 9, 3)).label());
    }

    /** A year-end month of December with NEAREST can end the year in early January; it keeps its name. */
    @Test
    void decemberYearEndingInJanuaryKeepsTheNameOfItsMonth() {
        for (YearNaming naming : YearNaming.values()) {
            RetailFiscalYear fy = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.DECEMBER, YearEndRule.NEAREST,
                    PeriodPattern.FOUR_FOUR_FIVE, naming);
            // 31 December 2020 was a Thursday; the nearest Saturday is 2 January 2021.
            assertEquals(new FiscalYearRange(2020, LocalDate.of(2019, 12, 29), LocalDate.of(2021, 1, 2)), fy.year(2020));
            FiscalPosition p = fy.locate(LocalDate.of(2021, 1, 2));
            assertEquals(2020, p.fiscalYear());
            assertEquals(53, p.week());
            assertEquals(2021, fy.locate(LocalDate.of(2021, 1, 3)).fiscalYear());
        }
    }

    @Test
    void extraWeekInAChosenPeriod() {
        RetailFiscalYear fy = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.JANUARY, YearEndRule.NEAREST,
                PeriodPattern.FOUR_FIVE_FOUR, ExtraWeekPlacement.inPeriod(7), YearNaming.START_YEAR);
        List<Integer> weeks = fy.periods(2023).stream().map(p -> p.days() / 7).toList();
        assertEquals(List.of(4, 5, 4, 4, 5, 4, 5, 5, 4, 4, 5, 4), weeks);
    }

    @Test
    void yearsChainAcrossTheEdgesOfTheCachedYearEnds() {
        // locate() reads year ends from a table of 1900-2299 and works them out beyond it: the two must agree.
        for (LocalDate edge : List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2300, 1, 1))) {
            for (LocalDate day = edge.minusDays(400); day.isBefore(edge.plusDays(400)); day = day.plusDays(1)) {
                FiscalPosition p = NRF.locate(day);
                FiscalYearRange year = NRF.year(p.fiscalYear());
                assertEquals(year.start(), p.yearStart(), day.toString());
                assertEquals(year.end(), p.yearEnd(), day.toString());
                assertEquals(p.yearEnd().plusDays(1), NRF.locate(p.yearEnd().plusDays(1)).yearStart(), day.toString());
            }
        }
    }

    @Test
    void quartersARangeTouchesAcrossAYearEnd() {
        List<String> labels = NRF.quartersTouching(LocalDate.of(2023, 12, 25), LocalDate.of(2024, 5, 5))
                .stream().map(FiscalQuarterRange::label).toList();
        assertEquals(List.of("FY23 Q4", "FY24 Q1", "FY24 Q2"), labels);
        assertEquals(List.of(2023, 2024), NRF.yearsTouching(LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 4))
                .stream().map(FiscalYearRange::fiscalYear).toList());
        assertThrows(IllegalArgumentException.class,
                () -> NRF.quartersTouching(LocalDate.of(2024, 2, 4), LocalDate.of(2024, 2, 3)));
    }

    @Test
    void impossibleCalendarsAreRefused() {
        assertThrows(DateTimeException.class, () -> new RetailFiscalYear(null, Month.JANUARY, YearEndRule.LAST,
                PeriodPattern.FOUR_FOUR_FIVE, YearNaming.END_YEAR));
        assertThrows(DateTimeException.class, () -> new RetailFiscalYear(DayOfWeek.SATURDAY, Month.JANUARY,
                YearEndRule.LAST, PeriodPattern.FOUR_FOUR_FIVE, ExtraWeekPlacement.inPeriod(13), YearNaming.END_YEAR));
        assertThrows(DateTimeException.class, () -> ExtraWeekPlacement.inPeriod(0));
    }
}
