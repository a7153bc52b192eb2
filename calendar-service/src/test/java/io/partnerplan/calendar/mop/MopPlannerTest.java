package io.partnerplan.calendar.mop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.fiscal.ExtraWeekPlacement;
import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
import io.partnerplan.calendar.fiscal.PeriodPattern;
import io.partnerplan.calendar.fiscal.RetailFiscalYear;
import io.partnerplan.calendar.fiscal.YearEndRule;
import io.partnerplan.calendar.fiscal.GregorianFiscalYear;
import io.partnerplan.calendar.fiscal.YearNaming;

/** The MOP article's case: a vendor whose year starts 1 February, a partner on the calendar year. */
class MopPlannerTest {

    private final FiscalCalendarRules vendor = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
    private final FiscalCalendarRules partner = new GregorianFiscalYear(Month.JANUARY, 1, YearNaming.END_YEAR);

    @Test
    void sideBySideShowsEachQuarterEndTheOthersNearestAndTheClosingWindows() {
        SideBySide view = SideBySide.of(vendor, partner, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 14);
        assertEquals(List.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 7, 31),
                LocalDate.of(2026, 10, 31)), view.vendor().stream().map(QuarterEnd::date).toList());
        assertEquals(List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 12, 31)), view.partner().stream().map(QuarterEnd::date).toList());
        // The vendor's January quarter-end is a month after the partner's December one (outside the range).
        assertEquals(new SideBySide.Gap(LocalDate.of(2026, 1, 31), LocalDate.of(2025, 12, 31), -31), view.gaps().get(0));
        assertEquals(-30, view.gaps().get(1).days(), "the partner closes its quarter 30 days before the vendor");
        // The last two weeks of the vendor's quarter: the seed's holiday falls right in them.
        QuarterEnd april = view.vendor().get(1);
        assertEquals(LocalDate.of(2026, 4, 17), april.closingFrom());
        assertTrue(april.inClosingWindow(LocalDate.of(2026, 4, 20)));
    }

    @Test
    void everyFormIsOfferedAndTheSharedQuarterEndsSitBetweenBothParties() {
        List<MopCandidate> candidates = new MopPlanner(vendor, partner, 14, 4).candidates(LocalDate.of(2027, 1, 1));
        assertEquals(Set.of(MopForm.values()), candidates.stream().map(MopCandidate::form).collect(Collectors.toSet()));
        for (int i = 1; i < candidates.size(); i++) {
            assertTrue(candidates.get(i - 1).score() <= candidates.get(i).score(), "best first");
        }

        MopCandidate shared = candidates.stream().filter(c -> c.form() == MopForm.SHARED_QUARTER_END).findFirst().orElseThrow();
        assertEquals(List.of(Month.MAY, Month.AUGUST, Month.NOVEMBER, Month.FEBRUARY),
                shared.periods().stream().map(p -> p.end().getMonth()).toList());
        // New quarter-ends: never a party's own, never more than a month from either party's.
        for (MopPeriod period : shared.periods()) {
            for (FiscalCalendarRules side : List.of(vendor, partner)) {
                LocalDate sideEnd = side.locate(period.end()).quarterEnd();
                assertTrue(!sideEnd.equals(period.end()));
                long before = ChronoUnit.DAYS.between(side.locate(period.end()).quarterStart().minusDays(1), period.end());
                long after = ChronoUnit.DAYS.between(period.end(), sideEnd);
                assertTrue(Math.min(before, after) <= 31, period + " too far from " + sideEnd);
            }
        }
    }

    @Test
    void mappingToOneSideIsThatSidesQuartersAndTwoCyclesStartAtEachPlanningCycle() {
        MopPlanner planner = new MopPlanner(vendor, partner, 14, 4);
        MopCandidate vendorCalendar = planner.candidate(MopForm.VENDOR_CALENDAR, LocalDate.of(2027, 2, 1));
        assertEquals(LocalDate.of(2027, 2, 1), vendorCalendar.periods().get(0).start());
        assertEquals(LocalDate.of(2028, 1, 31), vendorCalendar.periods().get(3).end());
        assertEquals(4 * 14, vendorCalendar.vendorClosingOverlapDays(), "the vendor's own closing weeks, all of them");

        MopCandidate cycles = planner.candidate(MopForm.TWO_CYCLES, LocalDate.of(2027, 1, 1));
        assertEquals(List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1)),
                cycles.periods().stream().map(MopPeriod::start).toList());
        assertEquals(LocalDate.of(2027, 12, 31), cycles.periods().get(1).end());
    }

    @Test
    void periodsOfEveryCandidateAreContiguous() {
        for (MopCandidate c : new MopPlanner(vendor, partner, 14, 4).candidates(LocalDate.of(2026, 7, 15))) {
            for (int i = 1; i < c.periods().size(); i++) {
                assertEquals(c.periods().get(i - 1).end().plusDays(1), c.periods().get(i).start(), c.form() + " has a gap");
            }
        }
    }

    /**
     * The case: a vendor on a February year and a partner whose 52/53-week year ends on the
     * last Friday of January. The partner's year starts 2027-01-30, two days before the vendor's,
     * so the next partner start (2028-01-29) left a 3-day second cycle 2028-01-29..2028-01-31.
     */
    @Test
    void aTwoCyclesCandidateNeverOffersAThreeDayPeriodAndItsScoreSaysWhy() {
        FiscalCalendarRules february = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
        FiscalCalendarRules lastFridayOfJanuary = new RetailFiscalYear(DayOfWeek.FRIDAY, Month.JANUARY, YearEndRule.LAST,
                PeriodPattern.FOUR_FOUR_FIVE, ExtraWeekPlacement.lastPeriod(), YearNaming.END_YEAR);
        assertEquals(LocalDate.of(2028, 1, 29), lastFridayOfJanuary.locate(LocalDate.of(2028, 1, 29)).yearStart());
        MopPlanner planner = new MopPlanner(february, lastFridayOfJanuary, 14, 4);

        MopCandidate cycles = planner.candidate(MopForm.TWO_CYCLES, LocalDate.of(2027, 2, 1));
        assertEquals(List.of(new MopPeriod("MOP cycle 1 (joint planning)", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 7, 31)),
                new MopPeriod("MOP cycle 2 (mid-year)", LocalDate.of(2027, 8, 1), LocalDate.of(2028, 1, 31))), cycles.periods());
        ScorePart merged = cycles.scoreParts().stream().filter(p -> p.kind() == ScorePart.Kind.STUB_MERGED).findFirst().orElseThrow();
        assertEquals(3, merged.days());
        assertTrue(merged.explanation().startsWith("2028-01-29..2028-01-31 (3 days) is shorter than the 4-week minimum"),
                merged.explanation());
        assertTrue(cycles.scoreParts().stream().anyMatch(p -> p.kind() == ScorePart.Kind.CYCLES_COINCIDE));
        assertEquals(cycles.scoreParts().stream().mapToInt(ScorePart::days).sum(), cycles.score(), "the score is its parts");

        // Among all candidates, none has a short period; every one but the best names the better one.
        List<MopCandidate> all = planner.candidates(LocalDate.of(2027, 2, 1));
        for (MopCandidate c : all) {
            assertTrue(c.periods().stream().allMatch(p -> ChronoUnit.DAYS.between(p.start(), p.end()) + 1 >= 28), c.toString());
        }
        assertEquals(null, all.get(0).betterAlternative());
        for (MopCandidate c : all.subList(1, all.size())) {
            assertTrue(c.betterAlternative().startsWith(all.get(0).form() + " ("), c.betterAlternative());
        }
    }

    @Test
    void theMinimumIsConfigurableAndALongerOneMergesMore() {
        FiscalCalendarRules february = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
        FiscalCalendarRules march = new GregorianFiscalYear(Month.MARCH, 1, YearNaming.END_YEAR);
        // Cycles of one month and eleven: kept with a 4-week minimum, merged with a 5-week one.
        assertEquals(2, new MopPlanner(february, march, 14, 4).candidate(MopForm.TWO_CYCLES, LocalDate.of(2027, 2, 1)).periods().get(0)
                .end().getMonthValue());
        MopCandidate five = new MopPlanner(february, march, 14, 5).candidate(MopForm.TWO_CYCLES, LocalDate.of(2027, 2, 1));
        assertEquals(LocalDate.of(2027, 7, 31), five.periods().get(0).end());
        assertTrue(five.scoreParts().stream().anyMatch(p -> p.kind() == ScorePart.Kind.STUB_MERGED && p.days() == 28));
    }
}
