package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A fiscal calendar that changed over time: each version is in effect from its date until the next
 * one's, the first since ever. Versions must chain: a new version starts on the first day of one of
 * its fiscal years, the day after a fiscal year of the version before ends, and names that year
 * the one after it. So every day still falls in exactly one year, and years follow without gaps.
 * Pure rules.
 */
public final class VersionedFiscalCalendar implements FiscalCalendarRules {

    /**
     * One version's rules and the day they take effect ({@code null} for the first); with a
     * {@code transition}, the version changes the year end: a transition year bridges from the day
     * it takes effect into the new calendar's years (see {@link TransitionYear}).
     */
    public record Version(LocalDate effectiveFrom, FiscalCalendarRules rules, Transition transition) {

        public Version(LocalDate effectiveFrom, FiscalCalendarRules rules) {
            this(effectiveFrom, rules, null);
        }
    }

    /** Why a version cannot follow the one before it. */
    public static final class BrokenChain extends IllegalArgumentException {
        public BrokenChain(String message) {
            super(message);
        }
    }

    private final List<Version> versions;
    /** The name of each version's first fiscal year (unused for the first version). */
    private final int[] firstYears;

    private VersionedFiscalCalendar(List<Version> versions) {
        this.versions = List.copyOf(versions);
        this.firstYears = new int[versions.size()];
        for (int i = 1; i < versions.size(); i++) {
            firstYears[i] = versions.get(i).rules().locate(versions.get(i).effectiveFrom()).fiscalYear();
        }
    }

    /**
     * @param later versions after {@code first}, by effective date
     * @return {@code first} itself when there are no later versions
     * @throws BrokenChain when a version does not chain onto the one before
     * @throws IllegalArgumentException when effective dates are not strictly increasing
     */
    public static FiscalCalendarRules of(FiscalCalendarRules first, List<Version> later) {
        if (later.isEmpty()) {
            return first;
        }
        List<Version> all = new ArrayList<>();
        all.add(new Version(null, first));
        for (Version v : later) {
            Version previous = all.get(all.size() - 1);
            if (previous.effectiveFrom() != null && !v.effectiveFrom().isAfter(previous.effectiveFrom())) {
                throw new IllegalArgumentException("version effective from " + v.effectiveFrom()
                        + " overlaps the one effective from " + previous.effectiveFrom());
            }
            Version effective = v;
            if (v.transition() != null) {
                FiscalPosition last = previous.rules().locate(v.effectiveFrom().minusDays(1));
                if (!last.yearEnd().equals(v.effectiveFrom().minusDays(1))) {
                    throw new BrokenChain("the calendar in effect before " + v.effectiveFrom() + " ends its fiscal year FY"
                            + last.fiscalYear() + " on " + last.yearEnd() + ", not on " + v.effectiveFrom().minusDays(1)
                            + "; a change of year end takes effect the day after a fiscal year ends");
                }
                try {
                    effective = new Version(v.effectiveFrom(),
                            new TransitionYear(v.rules(), v.effectiveFrom(), last.fiscalYear() + 1, v.transition()), v.transition());
                } catch (IllegalArgumentException e) {
                    throw new BrokenChain(e.getMessage());
                }
            }
            requireChains(previous.rules(), effective);
            all.add(effective);
        }
        return new VersionedFiscalCalendar(all);
    }

    private static void requireChains(FiscalCalendarRules previous, Version next) {
        LocalDate from = next.effectiveFrom();
        FiscalPosition first = next.rules().locate(from);
        FiscalPosition last = previous.locate(from.minusDays(1));
        if (!first.yearStart().equals(from)) {
            throw new BrokenChain("the new calendar's fiscal year containing " + from + " starts on " + first.yearStart()
                    + ", not on " + from + "; a version takes effect on the first day of one of its fiscal years, or declares a "
                    + "transition year (SHORT or LONG) when it changes the year end");
        }
        if (!last.yearEnd().equals(from.minusDays(1))) {
            throw new BrokenChain("the calendar in effect before " + from + " ends its fiscal year FY" + last.fiscalYear()
                    + " on " + last.yearEnd() + ", not on " + from.minusDays(1)
                    + "; a version takes effect the day after a fiscal year ends");
        }
        if (first.fiscalYear() != last.fiscalYear() + 1) {
            throw new BrokenChain("the new calendar names the year starting " + from + " FY" + first.fiscalYear()
                    + ", but the year before it is FY" + last.fiscalYear() + "; it must be FY" + (last.fiscalYear() + 1));
        }
    }

    private FiscalCalendarRules inEffectOn(LocalDate date) {
        for (int i = versions.size() - 1; i > 0; i--) {
            if (!date.isBefore(versions.get(i).effectiveFrom())) {
                return versions.get(i).rules();
            }
        }
        return versions.get(0).rules();
    }

    /** The version that defines the fiscal year of that name: the newest one in effect on its first day. */
    private FiscalCalendarRules definingYear(int fiscalYear) {
        for (int i = versions.size() - 1; i > 0; i--) {
            if (fiscalYear >= firstYears[i]) {
                return versions.get(i).rules();
            }
        }
        return versions.get(0).rules();
    }

    @Override
    public FiscalPosition locate(LocalDate date) {
        return inEffectOn(date).locate(date);
    }

    @Override
    public FiscalYearRange year(int fiscalYear) {
        return definingYear(fiscalYear).year(fiscalYear);
    }

    @Override
    public List<FiscalPeriodRange> periods(int fiscalYear) {
        return definingYear(fiscalYear).periods(fiscalYear);
    }

    @Override
    public List<FiscalQuarterRange> quarters(int fiscalYear) {
        return definingYear(fiscalYear).quarters(fiscalYear);
    }

    @Override
    public String toString() {
        return "VersionedFiscalCalendar" + versions;
    }
}
