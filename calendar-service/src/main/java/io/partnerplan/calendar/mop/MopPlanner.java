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
    private final int minimumPeriodDays;

    /** @param minimumPeriodWeeks no candidate offers a period shorter than this: a stub merges into its neighbour */
    public MopPlanner(FiscalCalendarRules vendor, FiscalCalendarRules partner, int closingDays, int minimumPeriodWeeks) {
        if (minimumPeriodWeeks < 1 || minimumPeriodWeeks > 13) {
            throw new IllegalArgumentException("the minimum MOP period must be 1 to 13 weeks, not " + minimumPeriodWeeks);
        }
        this.vendor = vendor;
        this.partner = partner;
        this.closingDays = closingDays;
        this.minimumPeriodDays = 7 * minimumPeriodWeeks;
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
        all.sort(Comparator.comparingInt(MopCandidate::score)
                .thenComparing(Comparator.comparingInt(
                        (MopCandidate c) -> Math.min(c.vendorClosingOverlapDays(), c.partnerClosingOverlapDays())).reversed()));
        MopCandidate best = all.get(0);
        List<MopCandidate> ranked = new ArrayList<>(all.size());
        ranked.add(best);
        for (MopCandidate c : all.subList(1, all.size())) {
            ranked.add(c.ranked(best.form() + " (" + best.description() + ") scores " + best.score() + " against "
                    + c.score() + " here" + (best.score() < c.score()
                            ? ": " + (c.score() - best.score()) + " days less misalignment and penalties"
                            : ": the same, and its closing windows overlap both parties' own more")));
        }
        return ranked;
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
        List<ScorePart> penalties = new ArrayList<>();
        periods = mergeStubs(periods, penalties);
        if (periods.size() == 1) {
            // Both fiscal years start within the minimum of each other: one planning cycle, split at mid-year
            // as when both start on the same day.
            LocalDate mid = first.plusMonths(6);
            penalties.add(new ScorePart(ScorePart.Kind.CYCLES_COINCIDE, 0, "Both fiscal years start within "
                    + minimumPeriodDays / 7 + " weeks of each other (vendor " + vendorStart + ", partner " + partnerStart
                    + "): both plan in one cycle, so the year splits at mid-year, " + mid));
            periods = List.of(new MopPeriod("MOP cycle 1 (joint planning)", first, mid.minusDays(1)),
                    new MopPeriod("MOP cycle 2 (mid-year)", mid, first.plusYears(1).minusDays(1)));
        }
        return scored(MopForm.TWO_CYCLES, "Two cycles, each starting with one party's fiscal year planning", periods, penalties);
    }

    /**
     * Merges every period shorter than the minimum into a neighbour (the shorter one, the only one at
     * either end), recording each merge as a penalty of the stub's days.
     */
    private List<MopPeriod> mergeStubs(List<MopPeriod> periods, List<ScorePart> penalties) {
        List<MopPeriod> merged = new ArrayList<>(periods);
        while (merged.size() > 1) {
            int stub = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (days(merged.get(i)) < minimumPeriodDays && (stub < 0 || days(merged.get(i)) < days(merged.get(stub)))) {
                    stub = i;
                }
            }
            if (stub < 0) {
                break;
            }
            int into;
            if (stub == 0) {
                into = 1;
            } else if (stub == merged.size() - 1) {
                into = stub - 1;
            } else {
                into = days(merged.get(stub - 1)) <= days(merged.get(stub + 1)) ? stub - 1 : stub + 1;
            }
            MopPeriod short_ = merged.get(stub);
            MopPeriod neighbour = merged.get(into);
            MopPeriod joined = new MopPeriod(neighbour.label(), min(short_.start(), neighbour.start()), max(short_.end(), neighbour.end()));
            penalties.add(new ScorePart(ScorePart.Kind.STUB_MERGED, (int) days(short_), short_.start() + ".." + short_.end()
                    + " (" + days(short_) + " days) is shorter than the " + minimumPeriodDays / 7 + "-week minimum period: merged into "
                    + neighbour.label() + ", now " + joined.start() + ".." + joined.end()));
            merged.set(into, joined);
            merged.remove(stub);
        }
        return merged;
    }

    private static long days(MopPeriod period) {
        return ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean endsWithQuartersOf(FiscalCalendarRules rules, MopCandidate candidate) {
        return candidate.periods().stream().allMatch(p -> rules.locate(p.end()).quarterEnd().equals(p.end()));
    }

    private static LocalDate nextYearStart(FiscalCalendarRules rules, LocalDate from) {
        FiscalPosition at = rules.locate(from);
        return at.yearStart().equals(from) ? from : at.yearEnd().plusDays(1);
    }

    private MopCandidate scored(MopForm form, String description, List<MopPeriod> periods) {
        List<ScorePart> penalties = new ArrayList<>();
        return scored(form, description, mergeStubs(periods, penalties), penalties);
    }

    private MopCandidate scored(MopForm form, String description, List<MopPeriod> periods, List<ScorePart> penalties) {
        LocalDate from = periods.get(0).start().minusMonths(4);
        LocalDate to = periods.get(periods.size() - 1).end().plusMonths(4);
        List<QuarterEnd> vendorEnds = SideBySide.quarterEnds(vendor, from, to, closingDays);
        List<QuarterEnd> partnerEnds = SideBySide.quarterEnds(partner, from, to, closingDays);
        int misalignment = 0;
        int vendorOverlap = 0;
        int partnerOverlap = 0;
        List<ScorePart> parts = new ArrayList<>();
        for (MopPeriod period : periods) {
            int toVendor = distance(vendorEnds, period.end());
            int toPartner = distance(partnerEnds, period.end());
            misalignment += toVendor + toPartner;
            parts.add(new ScorePart(ScorePart.Kind.VENDOR_MISALIGNMENT, toVendor, period.label() + " ends " + period.end() + ", "
                    + toVendor + " days from the vendor's nearest quarter-end " + SideBySide.nearest(vendorEnds, period.end())));
            parts.add(new ScorePart(ScorePart.Kind.PARTNER_MISALIGNMENT, toPartner, period.label() + " ends " + period.end() + ", "
                    + toPartner + " days from the partner's nearest quarter-end " + SideBySide.nearest(partnerEnds, period.end())));
            for (LocalDate day = period.end().minusDays(closingDays - 1L); !day.isAfter(period.end()); day = day.plusDays(1)) {
                LocalDate d = day;
                vendorOverlap += vendorEnds.stream().anyMatch(q -> q.inClosingWindow(d)) ? 1 : 0;
                partnerOverlap += partnerEnds.stream().anyMatch(q -> q.inClosingWindow(d)) ? 1 : 0;
            }
        }
        parts.addAll(penalties);
        int score = parts.stream().mapToInt(ScorePart::days).sum();
        return new MopCandidate(form, description, List.copyOf(periods), misalignment, vendorOverlap, partnerOverlap, score,
                List.copyOf(parts), null);
    }

    private static int distance(List<QuarterEnd> ends, LocalDate date) {
        LocalDate nearest = SideBySide.nearest(ends, date);
        return nearest == null ? 0 : (int) Math.abs(ChronoUnit.DAYS.between(date, nearest));
    }
}
