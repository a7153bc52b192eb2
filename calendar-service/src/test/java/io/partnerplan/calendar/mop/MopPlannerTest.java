package io.partnerplan.calendar.mop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
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
        List<MopCandidate> candidates = new MopPlanner(vendor, partner, 14).candidates(LocalDate.of(2027, 1, 1));
        assertEquals(Set.of(MopForm.values()), candidates.stream().map(MopCandidate::form).collect(Collectors.toSet()));
        for (int i = 1; i < candidates.size(); i++) {
            assertTrue(candidates.get(i - 1).misalignmentDays() <= candidates.get(i).misalignmentDays(), "best first");
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
        MopPlanner planner = new MopPlanner(vendor, partner, 14);
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
        for (MopCandidate c : new MopPlanner(vendor, partner, 14).candidates(LocalDate.of(2026, 7, 15))) {
            for (int i = 1; i < c.periods().size(); i++) {
                assertEquals(c.periods().get(i - 1).end().plusDays(1), c.periods().get(i).start(), c.form() + " has a gap");
            }
        }
    }
}
