package io.partnerplan.calendar.mop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.partnerplan.calendar.fiscal.ExtraWeekPlacement;
import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
import io.partnerplan.calendar.fiscal.GregorianFiscalYear;
import io.partnerplan.calendar.fiscal.PeriodPattern;
import io.partnerplan.calendar.fiscal.RetailFiscalYear;
import io.partnerplan.calendar.fiscal.YearEndRule;
import io.partnerplan.calendar.fiscal.YearNaming;

/**
 * Over random pairs of real calendar definitions (Gregorian years starting in any month, 52/53-week
 * years ending on the LAST or NEAREST of any weekday of any month with every period pattern) and
 * any start day: every MOP candidate of every form covers its year without gap or overlap, and no
 * period is shorter than the minimum.
 */
class MopCandidatesPropertyTest {

    @Property(tries = 2000)
    void noCandidateHasAStubAndEachCoversItsHorizonWithoutGapOrOverlap(
            @ForAll("calendars") FiscalCalendarRules vendor, @ForAll("calendars") FiscalCalendarRules partner,
            @ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 8) int minimumWeeks) {
        List<MopCandidate> candidates = new MopPlanner(vendor, partner, 14, minimumWeeks).candidates(start);
        String pair = vendor + " / " + partner + " from " + start + ", minimum " + minimumWeeks + " weeks";
        assertTrue(candidates.stream().anyMatch(c -> c.form() == MopForm.TWO_CYCLES), pair);
        for (MopCandidate c : candidates) {
            String where = pair + ": " + c;
            List<MopPeriod> periods = c.periods();
            assertFalse(periods.isEmpty(), where);
            for (int i = 0; i < periods.size(); i++) {
                MopPeriod p = periods.get(i);
                assertTrue(ChronoUnit.DAYS.between(p.start(), p.end()) + 1 >= 7L * minimumWeeks, "stub " + p + " in " + where);
                if (i > 0) {
                    assertEquals(periods.get(i - 1).end().plusDays(1), p.start(), "gap or overlap before " + p + " in " + where);
                }
            }
            // The horizon: one year of the candidate's rhythm (a 52/53-week year, or a calendar year's days).
            long horizon = ChronoUnit.DAYS.between(periods.get(0).start(), periods.get(periods.size() - 1).end()) + 1;
            assertTrue(horizon >= 364 && horizon <= 371, horizon + " days in " + where);
            if (c.form() == MopForm.TWO_CYCLES) {
                assertEquals(periods.get(0).start().plusYears(1).minusDays(1), periods.get(periods.size() - 1).end(), where);
                assertFalse(periods.get(0).start().isBefore(start), where);
            }
            if (c.form() == MopForm.VENDOR_CALENDAR || c.form() == MopForm.PARTNER_CALENDAR) {
                assertTrue(!start.isBefore(periods.get(0).start()) && !start.isAfter(periods.get(periods.size() - 1).end()),
                        "the year containing the start: " + where);
            }
            assertEquals(c.scoreParts().stream().mapToInt(ScorePart::days).sum(), c.score(), where);
            assertEquals(2 * periods.size(), c.scoreParts().stream()
                    .filter(s -> s.kind() == ScorePart.Kind.VENDOR_MISALIGNMENT || s.kind() == ScorePart.Kind.PARTNER_MISALIGNMENT)
                    .count(), "one misalignment part per period end and side: " + where);
        }
        for (int i = 1; i < candidates.size(); i++) {
            assertTrue(candidates.get(i - 1).score() <= candidates.get(i).score(), "best first: " + pair);
        }
    }

    @Provide
    Arbitrary<FiscalCalendarRules> calendars() {
        Arbitrary<FiscalCalendarRules> gregorian = Combinators.combine(Arbitraries.of(Month.class),
                        Arbitraries.integers().between(1, 28), Arbitraries.of(YearNaming.class))
                .as(GregorianFiscalYear::new);
        Arbitrary<FiscalCalendarRules> weeks = Arbitraries.of(PeriodPattern.class).flatMap(pattern -> Combinators.combine(
                        Arbitraries.of(DayOfWeek.class), Arbitraries.of(Month.class), Arbitraries.of(YearEndRule.class),
                        Arbitraries.integers().between(0, pattern.periods()), Arbitraries.of(YearNaming.class))
                .as((weekday, month, rule, extra, naming) -> new RetailFiscalYear(weekday, month, rule, pattern,
                        extra == 0 ? ExtraWeekPlacement.lastPeriod() : ExtraWeekPlacement.inPeriod(extra), naming)));
        return Arbitraries.oneOf(gregorian, weeks);
    }

    @Provide
    Arbitrary<LocalDate> starts() {
        return Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2090, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }
}
