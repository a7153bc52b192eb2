package io.partnerplan.calendar.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties every fiscal calendar must have, checked by jqwik over generated Gregorian and
 * 52/53-week calendars, dates and fiscal years. jqwik shrinks a failure to a small counterexample
 * and prints the seed to replay it ({@code @Property(seed = "...")}).
 */
class FiscalCalendarPropertyTest {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    @Property(tries = 1000)
    void everyDayFallsInExactlyOnePeriodAndOneWeek(@ForAll("calendars") FiscalCalendarRules calendar, @ForAll("dates") LocalDate date) {
        {
            FiscalPosition p = calendar.locate(date);
            String where = calendar + " " + p;

            List<FiscalPeriodRange> containing = calendar.periods(p.fiscalYear()).stream()
                    .filter(period -> period.contains(date)).toList();
            assertEquals(List.of(new FiscalPeriodRange(p.fiscalYear(), p.quarter(), p.period(), p.periodStart(), p.periodEnd())),
                    containing, where);
            assertTrue(within(date, p.weekStart(), p.weekEnd()), where);
            assertTrue(within(p.weekStart(), p.yearStart(), p.yearEnd()) && within(p.weekEnd(), p.yearStart(), p.yearEnd()), where);
            assertTrue(within(p.periodStart(), p.quarterStart(), p.quarterEnd())
                    && within(p.periodEnd(), p.quarterStart(), p.quarterEnd()), where);
            assertEquals(calendar.year(p.fiscalYear()), new FiscalYearRange(p.fiscalYear(), p.yearStart(), p.yearEnd()), where);
            assertEquals(calendar.quarters(p.fiscalYear()).get(p.quarter() - 1),
                    new FiscalQuarterRange(p.fiscalYear(), p.quarter(), p.quarterStart(), p.quarterEnd()), where);
            assertEquals(ChronoUnit.DAYS.between(p.yearStart(), date) + 1, p.dayOfYear(), where);
            assertEquals((p.dayOfYear() - 1) / 7 + 1, p.week(), where);
            assertEquals(p.yearStart().plusWeeks(p.week() - 1L), p.weekStart(), where);
            assertEquals("FY%02d Q%d P%d W%d".formatted(p.fiscalYear() % 100, p.quarter(), p.period(), p.week()), p.label());
            if (calendar instanceof RetailFiscalYear) {
                // Retail periods are whole weeks, so a week never straddles two periods.
                assertTrue(within(p.weekStart(), p.periodStart(), p.periodEnd())
                        && within(p.weekEnd(), p.periodStart(), p.periodEnd()), where);
            }
        }
    }

    @Property(tries = 1000)
    void periodsAndQuartersTileTheYearWithoutGapsOrOverlaps(@ForAll("calendars") FiscalCalendarRules calendar,
                                                           @ForAll("fiscalYears") int fiscalYear) {
        {
            FiscalYearRange year = calendar.year(fiscalYear);
            List<FiscalPeriodRange> periods = calendar.periods(fiscalYear);
            String where = calendar + " " + year;

            assertTrue(periods.size() == 12 || periods.size() == 13, where);
            LocalDate next = year.start();
            for (int i = 0; i < periods.size(); i++) {
                FiscalPeriodRange period = periods.get(i);
                assertEquals(i + 1, period.period(), where);
                assertEquals(fiscalYear, period.fiscalYear(), where);
                assertEquals(next, period.start(), where);
                assertFalse(period.end().isBefore(period.start()), where);
                assertTrue(i == 0 || periods.get(i - 1).quarter() <= period.quarter(), where);
                next = period.end().plusDays(1);
            }
            assertEquals(year.end().plusDays(1), next, where);

            List<FiscalQuarterRange> quarters = calendar.quarters(fiscalYear);
            assertEquals(List.of(1, 2, 3, 4), quarters.stream().map(FiscalQuarterRange::quarter).toList(), where);
            next = year.start();
            for (FiscalQuarterRange quarter : quarters) {
                assertEquals(next, quarter.start(), where);
                next = quarter.end().plusDays(1);
            }
            assertEquals(year.end().plusDays(1), next, where);
        }
    }

    @Property(tries = 1000)
    void yearsChainWithoutGapsAndKeepTheirNames(@ForAll("calendars") FiscalCalendarRules calendar,
                                                @ForAll("fiscalYears") int fiscalYear) {
        {
            FiscalYearRange year = calendar.year(fiscalYear);
            String where = calendar + " " + year;
            assertEquals(year.end().plusDays(1), calendar.year(fiscalYear + 1).start(), where);
            assertEquals(fiscalYear, calendar.locate(year.start()).fiscalYear(), where);
            assertEquals(fiscalYear, calendar.locate(year.end()).fiscalYear(), where);
            assertEquals(fiscalYear + 1, calendar.locate(year.end().plusDays(1)).fiscalYear(), where);
        }
    }

    @Property(tries = 1000)
    void retailYearsHave364Or371DaysAndEndOnTheirWeekdayAtTheirMonthEnd(@ForAll("retail") RetailFiscalYear calendar,
                                                                         @ForAll("fiscalYears") int fiscalYear) {
        {
            FiscalYearRange year = calendar.year(fiscalYear);
            String where = calendar + " " + year;
            assertTrue(year.days() == 364 || year.days() == 371, where);
            assertEquals(calendar.yearEndWeekday(), year.end().getDayOfWeek(), where);
            LocalDate monthEnd = YearMonth.from(year.end().minusDays(3)).atEndOfMonth();
            assertEquals(calendar.yearEndMonth(), monthEnd.getMonth(), where);
            long daysAfterMonthEnd = ChronoUnit.DAYS.between(monthEnd, year.end());
            if (calendar.yearEndRule() == YearEndRule.LAST) {
                assertTrue(daysAfterMonthEnd <= 0 && daysAfterMonthEnd > -7, where);
            } else {
                assertTrue(Math.abs(daysAfterMonthEnd) <= 3, where);
            }
        }
    }

    @Property(tries = 1000)
    void theExtraWeekOfA53WeekYearIsInTheConfiguredPeriod(@ForAll("retail") RetailFiscalYear calendar,
                                                          @ForAll("fiscalYears") int first) {
        {
            int fiscalYear = first;
            // A 53-week year comes every five or six years: look ahead for one, and check the year before it too.
            while (calendar.weeks(fiscalYear) == 52) {
                fiscalYear++;
            }
            for (int year : new int[] { fiscalYear - 1, fiscalYear }) {
                boolean longYear = calendar.weeks(year) == 53;
                int extraPeriod = calendar.extraWeek().period(calendar.pattern());
                for (FiscalPeriodRange period : calendar.periods(year)) {
                    int extra = longYear && period.period() == extraPeriod ? 1 : 0;
                    assertEquals(7 * (calendar.pattern().weeks(period.period()) + extra), period.days(), calendar + " " + period);
                    assertEquals(calendar.pattern().quarter(period.period()), period.quarter(), calendar + " " + period);
                }
            }
            assertEquals(52, calendar.weeks(fiscalYear - 1), calendar + " FY" + fiscalYear);
        }
    }

    @Property(tries = 1000)
    void rangesTouchExactlyTheYearsAndQuartersOfTheirDays(@ForAll("calendars") FiscalCalendarRules calendar,
                                                          @ForAll("dates") LocalDate from, @ForAll @IntRange(max = 799) int span) {
        {
            LocalDate to = from.plusDays(span);
            Set<FiscalQuarterRange> quarters = new LinkedHashSet<>();
            Set<Integer> years = new LinkedHashSet<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                FiscalPosition p = calendar.locate(d);
                quarters.add(new FiscalQuarterRange(p.fiscalYear(), p.quarter(), p.quarterStart(), p.quarterEnd()));
                years.add(p.fiscalYear());
            }
            String where = calendar + " " + from + ".." + to;
            assertEquals(new ArrayList<>(quarters), calendar.quartersTouching(from, to), where);
            assertEquals(new ArrayList<>(years),
                    calendar.yearsTouching(from, to).stream().map(FiscalYearRange::fiscalYear).toList(), where);
        }
    }

    /** Day by day through decades: each day is the next day of its period, or the first of the next period. */
    @Property(tries = 50)
    void consecutiveDaysWalkThroughPeriodsInOrder(@ForAll("calendars") FiscalCalendarRules calendar, @ForAll("dates") LocalDate from) {
        {
            FiscalPosition previous = calendar.locate(from);
            for (LocalDate d = from.plusDays(1); d.isBefore(from.plusYears(20)); d = d.plusDays(1)) {
                FiscalPosition p = calendar.locate(d);
                String where = calendar + " " + previous + " -> " + p;
                if (p.periodStart().equals(d)) {
                    assertEquals(previous.periodEnd().plusDays(1), d, where);
                    boolean newYear = p.dayOfYear() == 1;
                    assertEquals(newYear ? previous.fiscalYear() + 1 : previous.fiscalYear(), p.fiscalYear(), where);
                    assertEquals(newYear ? 1 : previous.period() + 1, p.period(), where);
                } else {
                    assertEquals(previous.periodStart(), p.periodStart(), where);
                    assertEquals(previous.dayOfYear() + 1, p.dayOfYear(), where);
                }
                previous = p;
            }
        }
    }

    /**
     * A retailer changes its period pattern or the period of its extra week at the start of a year:
     * the versions chain, and around the change every day still falls in exactly one period of one year.
     */
    @Property(tries = 200)
    void aCalendarChangedAtAYearStartStillMapsEveryDayToOnePeriodAndChainsItsYears(
            @ForAll("retail") RetailFiscalYear before, @ForAll PeriodPattern pattern, @ForAll("fiscalYears") int fiscalYear) {
        RetailFiscalYear after = new RetailFiscalYear(before.yearEndWeekday(), before.yearEndMonth(), before.yearEndRule(),
                pattern, ExtraWeekPlacement.lastPeriod(), before.naming());
        LocalDate switchDay = before.year(fiscalYear).start();
        FiscalCalendarRules calendar = VersionedFiscalCalendar.of(before,
                List.of(new VersionedFiscalCalendar.Version(switchDay, after)));
        for (LocalDate d = switchDay.minusDays(400); d.isBefore(switchDay.plusDays(400)); d = d.plusDays(1)) {
            LocalDate day = d;
            FiscalPosition p = calendar.locate(day);
            assertEquals((day.isBefore(switchDay) ? before : after).locate(day), p, day.toString());
            FiscalYearRange year = calendar.year(p.fiscalYear());
            assertTrue(within(day, year.start(), year.end()), day + " " + p);
            assertEquals(year.end().plusDays(1), calendar.year(p.fiscalYear() + 1).start(), day + " " + p);
            assertEquals(1, calendar.periods(p.fiscalYear()).stream().filter(period -> period.contains(day)).count(), day + " " + p);
        }
    }

    /**
     * A change of year end through a SHORT or LONG transition year, between any two calendars at the
     * end of any year: every day before is the old calendar's, every day after the transition year
     * the new calendar's (renamed), and through all of it every day falls in exactly one period of
     * one year, years chain, quarters and periods tile their year.
     */
    @Property(tries = 300)
    void aChangeOfYearEndThroughATransitionYearKeepsEveryDayInOnePeriodOnBothSides(
            @ForAll("calendars") FiscalCalendarRules before, @ForAll("calendars") FiscalCalendarRules after,
            @ForAll Transition transition, @ForAll @IntRange(min = 1950, max = 2150) int fiscalYear) {
        LocalDate change = before.year(fiscalYear).end().plusDays(1);
        FiscalPosition under = after.locate(change);
        long shortDays = ChronoUnit.DAYS.between(change, under.yearEnd()) + 1;
        net.jqwik.api.Assume.that(!under.yearStart().equals(change)
                && (transition == Transition.LONG || shortDays >= TransitionYear.MINIMUM_SHORT_DAYS));
        FiscalCalendarRules calendar = VersionedFiscalCalendar.of(before,
                List.of(new VersionedFiscalCalendar.Version(change, after, transition)));
        FiscalYearRange bridge = calendar.year(fiscalYear + 1);
        String where = before + " -> " + after + " " + transition + " at " + change + ": " + bridge;
        assertEquals(change, bridge.start(), where);
        assertEquals(transition == Transition.SHORT ? under.yearEnd() : after.year(under.fiscalYear() + 1).end(), bridge.end(), where);
        for (int year = fiscalYear - 1; year <= fiscalYear + 3; year++) {
            FiscalYearRange y = calendar.year(year);
            assertEquals(y.end().plusDays(1), calendar.year(year + 1).start(), where + " FY" + year);
            LocalDate next = y.start();
            for (FiscalPeriodRange p : calendar.periods(year)) {
                assertEquals(next, p.start(), where + " " + p);
                assertTrue(p.days() >= 7, where + " " + p);
                next = p.end().plusDays(1);
            }
            assertEquals(y.end().plusDays(1), next, where + " FY" + year);
            next = y.start();
            List<FiscalQuarterRange> quarters = calendar.quarters(year);
            for (int q = 0; q < quarters.size(); q++) {
                assertEquals(q + 1, quarters.get(q).quarter(), where);
                assertEquals(next, quarters.get(q).start(), where + " " + quarters.get(q));
                next = quarters.get(q).end().plusDays(1);
            }
            assertEquals(y.end().plusDays(1), next, where + " FY" + year);
        }
        int offset = fiscalYear + 2 - after.locate(bridge.end().plusDays(1)).fiscalYear();
        for (LocalDate d = change.minusDays(400); d.isBefore(bridge.end().plusDays(400)); d = d.plusDays(1)) {
            LocalDate day = d;
            FiscalPosition p = calendar.locate(day);
            FiscalYearRange year = calendar.year(p.fiscalYear());
            assertTrue(within(day, year.start(), year.end()), where + " " + p);
            assertEquals(1, calendar.periods(p.fiscalYear()).stream().filter(period -> period.contains(day)).count(), where + " " + p);
            assertEquals("FY%02d Q%d P%d W%d".formatted(p.fiscalYear() % 100, p.quarter(), p.period(), p.week()), p.label());
            if (day.isBefore(change)) {
                assertEquals(before.locate(day), p, where);
            } else if (day.isAfter(bridge.end())) {
                FiscalPosition theirs = after.locate(day);
                assertEquals(theirs.fiscalYear() + offset, p.fiscalYear(), where + " " + p);
                assertEquals(List.of(theirs.yearStart(), theirs.quarterStart(), theirs.periodStart(), theirs.periodEnd()),
                        List.of(p.yearStart(), p.quarterStart(), p.periodStart(), p.periodEnd()), where + " " + p);
            } else {
                assertEquals(fiscalYear + 1, p.fiscalYear(), where + " " + p);
                // Its periods end where the new calendar's do (the first one cut to start on the change).
                assertEquals(after.locate(p.periodEnd()).periodEnd(), p.periodEnd(), where + " " + p);
            }
        }
    }

    @Provide
    Arbitrary<FiscalCalendarRules> calendars() {
        return Arbitraries.oneOf(gregorian(), retail());
    }

    @Provide
    Arbitrary<GregorianFiscalYear> gregorian() {
        return Combinators.combine(Arbitraries.of(Month.class), Arbitraries.integers().between(1, 28), Arbitraries.of(YearNaming.class))
                .as(GregorianFiscalYear::new);
    }

    @Provide
    Arbitrary<RetailFiscalYear> retail() {
        // Extra week: 0 for the default (the last period), otherwise in that period.
        return Arbitraries.of(PeriodPattern.class).flatMap(pattern -> Combinators.combine(Arbitraries.of(DayOfWeek.class),
                        Arbitraries.of(Month.class), Arbitraries.of(YearEndRule.class), Arbitraries.integers().between(0, pattern.periods()),
                        Arbitraries.of(YearNaming.class))
                .as((weekday, month, rule, extra, naming) -> new RetailFiscalYear(weekday, month, rule, pattern,
                        extra == 0 ? ExtraWeekPlacement.lastPeriod() : ExtraWeekPlacement.inPeriod(extra), naming)));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(EARLIEST.toEpochDay(), LATEST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Integer> fiscalYears() {
        return Arbitraries.integers().between(EARLIEST.getYear() + 1, LATEST.getYear() - 1);
    }

    private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}
