package io.partnerplan.calendar.mop;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
import io.partnerplan.calendar.fiscal.FiscalPosition;
import io.partnerplan.calendar.fiscal.FiscalQuarterRange;
import io.partnerplan.calendar.fiscal.GregorianFiscalYear;
import io.partnerplan.calendar.fiscal.YearNaming;

/**
 * Proposes Mutual Operating Periods for one year of a partnership, in all three forms of the MOP
 * article, scored so the parties can see the trade-off. Pure arithmetic over both fiscal calendars.
 */
public final class MopPlanner {

    private final FiscalCalendarRules vendor;
    private final FiscalCalendarRules partner;
    private final int closingDays;

    public MopPlanner(FiscalCalendarRules vendor, FiscalCalendarRules partner, int closingDays) {
        this.vendor = vendor;
        this.partner = partner;
        this.closingDays = closingDays;
    }

    /** Every candidate for the year starting at {@code start}, best first. */
    public List<MopCandidate> candidates(LocalDate start) {
        List<MopCandidate> all = new ArrayList<>();
        all.add(calendarOf(MopForm.VENDOR_CALENDAR, vendor, start));
        all.add(calendarOf(MopForm.PARTNER_CALENDAR, partner, start));
        for (int offset = 0; offset < 3; offset++) {
            MopCandidate shared = sharedQuarterEnds(start, offset);
            // Quarters that end with one party's are that party's calendar, already a candidate.
            if (!endsWithQuartersOf(vendor, shared) && !endsWithQuartersOf(partner, shared)) {
                all.add(shared);
            }
        }
        all.add(twoCycles(start));
        all.sort(Comparator.comparingInt(MopCandidate::misalignmentDays)
                .thenComparing(Comparator.comparingInt(
                        (MopCandidate c) -> Math.min(c.vendorClosingOverlapDays(), c.partnerClosingOverlapDays())).reversed()));
        return all;
    }

    /** The periods of one form; for SHARED_QUARTER_END the best-scoring quarter-ends. */
    public MopCandidate candidate(MopForm form, LocalDate start) {
        return switch (form) {
            case VENDOR_CALENDAR -> calendarOf(form, vendor, start);
            case PARTNER_CALENDAR -> calendarOf(form, partner, start);
            case TWO_CYCLES -> twoCycles(start);
            case SHARED_QUARTER_END -> candidates(start).stream().filter(c -> c.form() == form).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no quarter-ends differ from both parties' own: map to one party's calendar instead"));
        };
    }

    /** One party's fiscal quarters, from the fiscal year containing {@code start}. */
    private MopCandidate calendarOf(MopForm form, FiscalCalendarRules rules, LocalDate start) {
        FiscalPosition at = rules.locate(start);
        List<MopPeriod> periods = new ArrayList<>();
        for (FiscalQuarterRange q : rules.quarters(at.fiscalYear())) {
            periods.add(new MopPeriod("MOP Q" + q.quarter() + " (" + q.label() + ")", q.start(), q.end()));
        }
        String whose = form == MopForm.VENDOR_CALENDAR ? "vendor's" : "partner's";
        return scored(form, "The " + whose + " fiscal quarters, FY" + at.fiscalYear(), periods);
    }

    /**
     * Calendar quarters ending in months {@code offset}, {@code offset+3}, ... : three patterns exist;
     * the one between both parties' quarter-ends usually scores best.
     */
    private MopCandidate sharedQuarterEnds(LocalDate start, int offset) {
        LocalDate first = start.withDayOfMonth(1);
        while ((first.getMonthValue() + 2) % 3 != offset) {
            first = first.plusMonths(1);
        }
        GregorianFiscalYear year = new GregorianFiscalYear(Month.from(first), 1, YearNaming.START_YEAR);
        List<MopPeriod> periods = new ArrayList<>();
        for (FiscalQuarterRange q : year.quarters(year.locate(first).fiscalYear())) {
            periods.add(new MopPeriod("MOP Q" + q.quarter(), q.start(), q.end()));
        }
        return scored(MopForm.SHARED_QUARTER_END, "Shared quarters ending in "
                + periods.stream().map(p -> p.end().getMonth().toString().substring(0, 3)).toList(), periods);
    }

    /** Two cycles: from each party's fiscal year start to the other's. */
    private MopCandidate twoCycles(LocalDate start) {
        LocalDate vendorStart = nextYearStart(vendor, start);
        LocalDate partnerStart = nextYearStart(partner, start);
        LocalDate first = vendorStart.isBefore(partnerStart) ? vendorStart : partnerStart;
        LocalDate second = vendorStart.isBefore(partnerStart) ? partnerStart : vendorStart;
        if (first.equals(second)) {
            second = first.plusMonths(6);
        }
        List<MopPeriod> periods = List.of(
                new MopPeriod("MOP cycle 1 (" + (first.equals(vendorStart) ? "vendor" : "partner") + " planning)", first, second.minusDays(1)),
                new MopPeriod("MOP cycle 2 (" + (first.equals(vendorStart) ? "partner" : "vendor") + " planning)", second,
                        first.plusYears(1).minusDays(1)));
        return scored(MopForm.TWO_CYCLES, "Two cycles, each starting with one party's fiscal year planning", periods);
    }

    private static boolean endsWithQuartersOf(FiscalCalendarRules rules, MopCandidate candidate) {
        return candidate.periods().stream().allMatch(p -> rules.locate(p.end()).quarterEnd().equals(p.end()));
    }

    private static LocalDate nextYearStart(FiscalCalendarRules rules, LocalDate from) {
        FiscalPosition at = rules.locate(from);
        return at.yearStart().equals(from) ? from : at.yearEnd().plusDays(1);
    }

    private MopCandidate scored(MopForm form, String description, List<MopPeriod> periods) {
        LocalDate from = periods.get(0).start().minusMonths(4);
        LocalDate to = periods.get(periods.size() - 1).end().plusMonths(4);
        List<QuarterEnd> vendorEnds = SideBySide.quarterEnds(vendor, from, to, closingDays);
        List<QuarterEnd> partnerEnds = SideBySide.quarterEnds(partner, from, to, closingDays);
        int misalignment = 0;
        int vendorOverlap = 0;
        int partnerOverlap = 0;
        for (MopPeriod period : periods) {
            misalignment += distance(vendorEnds, period.end()) + distance(partnerEnds, period.end());
            for (LocalDate day = period.end().minusDays(closingDays - 1L); !day.isAfter(period.end()); day = day.plusDays(1)) {
                LocalDate d = day;
                vendorOverlap += vendorEnds.stream().anyMatch(q -> q.inClosingWindow(d)) ? 1 : 0;
                partnerOverlap += partnerEnds.stream().anyMatch(q -> q.inClosingWindow(d)) ? 1 : 0;
            }
        }
        return new MopCandidate(form, description, periods, misalignment, vendorOverlap, partnerOverlap);
    }

    private static int distance(List<QuarterEnd> ends, LocalDate date) {
        LocalDate nearest = SideBySide.nearest(ends, date);
        return nearest == null ? 0 : (int) Math.abs(ChronoUnit.DAYS.between(date, nearest));
    }
}
