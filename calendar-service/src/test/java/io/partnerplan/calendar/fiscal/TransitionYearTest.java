package io.partnerplan.calendar.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The change of year end: a January year (1 February to 31 January) becomes a 52/53-week
 * year ending on the last Saturday of September, from 1 February 2027.
 */
class TransitionYearTest {

    private static final FiscalCalendarRules JANUARY_YEAR = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
    private static final FiscalCalendarRules SEPTEMBER_WEEKS = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.SEPTEMBER,
            YearEndRule.LAST, PeriodPattern.FOUR_FOUR_FIVE, YearNaming.END_YEAR);
    private static final LocalDate CHANGE = LocalDate.of(2027, 2, 1);

    private static FiscalCalendarRules changed(Transition transition) {
        return VersionedFiscalCalendar.of(JANUARY_YEAR, List.of(new VersionedFiscalCalendar.Version(CHANGE, SEPTEMBER_WEEKS, transition)));
    }

    @Test
    void aShortTransitionYearRunsToTheNewYearEndAndTheNewYearsFollowNamedOn() {
        FiscalCalendarRules calendar = changed(Transition.SHORT);
        // Before the change: the old calendar, untouched.
        assertEquals(new FiscalYearRange(2027, LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31)), calendar.year(2027));
        assertEquals("FY27 Q4 P12 W53", calendar.locate(LocalDate.of(2027, 1, 31)).label());
        // The transition year FY28: 1 February to 25 September 2027 (the last Saturday of September), 34 weeks.
        assertEquals(new FiscalYearRange(2028, CHANGE, LocalDate.of(2027, 9, 25)), calendar.year(2028));
        assertEquals(List.of(
                new FiscalQuarterRange(2028, 1, CHANGE, LocalDate.of(2027, 3, 27)),
                new FiscalQuarterRange(2028, 2, LocalDate.of(2027, 3, 28), LocalDate.of(2027, 6, 26)),
                new FiscalQuarterRange(2028, 3, LocalDate.of(2027, 6, 27), LocalDate.of(2027, 9, 25))), calendar.quarters(2028));
        List<FiscalPeriodRange> periods = calendar.periods(2028);
        assertEquals(8, periods.size());
        // The new calendar's period of 24 January to 20 February is cut to start on the change.
        assertEquals(new FiscalPeriodRange(2028, 1, 1, CHANGE, LocalDate.of(2027, 2, 20)), periods.get(0));
        assertEquals(new FiscalPeriodRange(2028, 1, 2, LocalDate.of(2027, 2, 21), LocalDate.of(2027, 3, 27)), periods.get(1));
        FiscalPosition first = calendar.locate(CHANGE);
        assertEquals("FY28 Q1 P1 W1", first.label());
        assertEquals(1, first.dayOfYear());
        assertEquals("FY28 Q3 P8 W34", calendar.locate(LocalDate.of(2027, 9, 25)).label());
        // After it: the new calendar's years, FY29 the 53-week year to 30 September 2028.
        assertEquals(new FiscalYearRange(2029, LocalDate.of(2027, 9, 26), LocalDate.of(2028, 9, 30)), calendar.year(2029));
        assertEquals("FY29 Q1 P1 W1", calendar.locate(LocalDate.of(2027, 9, 26)).label());
        assertEquals(4, calendar.quarters(2029).size());
        assertEquals(SEPTEMBER_WEEKS.quarters(2028).get(3).end(), calendar.quarters(2029).get(3).end());
        assertEquals(List.of(2027, 2028, 2029), calendar.yearsTouching(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 10, 1))
                .stream().map(FiscalYearRange::fiscalYear).toList());
    }

    @Test
    void aLongTransitionYearRunsToTheEndOfTheNewYearAfter() {
        FiscalCalendarRules calendar = changed(Transition.LONG);
        assertEquals(new FiscalYearRange(2028, CHANGE, LocalDate.of(2028, 9, 30)), calendar.year(2028));
        assertEquals(7, calendar.quarters(2028).size());
        assertEquals(20, calendar.periods(2028).size());
        assertEquals(new FiscalQuarterRange(2028, 4, LocalDate.of(2027, 9, 26), LocalDate.of(2027, 12, 25)), calendar.quarters(2028).get(3));
        assertEquals(new FiscalYearRange(2029, LocalDate.of(2028, 10, 1), LocalDate.of(2029, 9, 29)), calendar.year(2029));
    }

    @Test
    void aStubOrNeedlessTransitionIsRefusedWithTheReason() {
        // The new calendar's year under way ends 2 days after the change: a short year would be a stub.
        FiscalCalendarRules lastSaturdayOfFebruary = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.FEBRUARY, YearEndRule.LAST,
                PeriodPattern.FOUR_FOUR_FIVE, YearNaming.END_YEAR);
        LocalDate lastSaturdayOfFebruary2027 = LocalDate.of(2027, 2, 27);
        assertEquals(lastSaturdayOfFebruary2027, lastSaturdayOfFebruary.locate(CHANGE).yearEnd());
        VersionedFiscalCalendar.BrokenChain stub = assertThrows(VersionedFiscalCalendar.BrokenChain.class, () -> VersionedFiscalCalendar
                .of(JANUARY_YEAR, List.of(new VersionedFiscalCalendar.Version(CHANGE, lastSaturdayOfFebruary, Transition.SHORT))));
        assertTrue(stub.getMessage().contains("27 days") && stub.getMessage().contains("LONG"), stub.getMessage());
        // A new Gregorian year starting on the change needs no transition.
        VersionedFiscalCalendar.BrokenChain needless = assertThrows(VersionedFiscalCalendar.BrokenChain.class, () -> VersionedFiscalCalendar
                .of(JANUARY_YEAR, List.of(new VersionedFiscalCalendar.Version(CHANGE,
                        new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.START_YEAR), Transition.SHORT))));
        assertTrue(needless.getMessage().contains("no transition year is needed"), needless.getMessage());
    }
}
