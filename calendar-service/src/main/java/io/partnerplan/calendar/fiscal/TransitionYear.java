package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A new fiscal calendar that takes over in the middle of one of its own years, after a change of
 * year end (a January year becoming a 52/53-week September year): from {@code from} to the end of
 * the new calendar's year under way (SHORT) or the one after (LONG) runs one transition year, named
 * {@code name}; then the new calendar's years follow, renamed so that names keep counting up by one.
 * The transition year's periods are the new calendar's, the first one cut to start on {@code from}
 * (merged into the next when that leaves less than two weeks), numbered from 1; its quarters the
 * new calendar's quarters it touches, numbered from 1 likewise. Pure rules.
 */
public final class TransitionYear implements FiscalCalendarRules {

    /** The shortest transition year a SHORT transition accepts; shorter, declare LONG. */
    public static final int MINIMUM_SHORT_DAYS = 28;
    private static final int MINIMUM_FIRST_PERIOD_DAYS = 14;

    private final FiscalCalendarRules next;
    private final LocalDate from;
    private final LocalDate end;
    private final int name;
    private final int offset;
    private final Transition transition;
    private final List<FiscalPeriodRange> periods;

    /**
     * @param next the new calendar's rules
     * @param from the first day of the transition year (the day after the old calendar's last year)
     * @param name the transition year's name: the old calendar's last year's plus one
     * @throws IllegalArgumentException when {@code from} starts one of the new calendar's years (no
     *         transition is needed) or a SHORT transition year would be a stub
     */
    public TransitionYear(FiscalCalendarRules next, LocalDate from, int name, Transition transition) {
        this.next = next;
        this.from = from;
        this.name = name;
        this.transition = transition;
        FiscalPosition at = next.locate(from);
        if (at.yearStart().equals(from)) {
            throw new IllegalArgumentException("the new calendar's fiscal year FY" + at.fiscalYear() + " starts on " + from
                    + ": no transition year is needed, add the version without one");
        }
        LocalDate shortEnd = at.yearEnd();
        long shortDays = ChronoUnit.DAYS.between(from, shortEnd) + 1;
        if (transition == Transition.SHORT && shortDays < MINIMUM_SHORT_DAYS) {
            throw new IllegalArgumentException("a short transition year " + from + ".." + shortEnd + " would last " + shortDays
                    + " days, less than " + MINIMUM_SHORT_DAYS + ": declare a LONG transition year instead");
        }
        this.end = transition == Transition.SHORT ? shortEnd : next.year(at.fiscalYear() + 1).end();
        this.offset = name + 1 - next.locate(end.plusDays(1)).fiscalYear();
        this.periods = transitionPeriods(at.fiscalYear());
    }

    public Transition transition() {
        return transition;
    }

    /** The transition year's first and last day. */
    public FiscalYearRange transitionYear() {
        return new FiscalYearRange(name, from, end);
    }

    private List<FiscalPeriodRange> transitionPeriods(int firstNewYear) {
        List<FiscalPeriodRange> cut = new ArrayList<>();
        for (int year = firstNewYear; year <= next.locate(end).fiscalYear(); year++) {
            for (FiscalPeriodRange p : next.periods(year)) {
                if (!p.end().isBefore(from) && !p.start().isAfter(end)) {
                    cut.add(p.start().isBefore(from) ? new FiscalPeriodRange(p.fiscalYear(), p.quarter(), p.period(), from, p.end()) : p);
                }
            }
        }
        if (cut.size() > 1 && cut.get(0).days() < MINIMUM_FIRST_PERIOD_DAYS) {
            FiscalPeriodRange second = cut.get(1);
            cut.set(1, new FiscalPeriodRange(second.fiscalYear(), second.quarter(), second.period(), from, second.end()));
            cut.remove(0);
        }
        // Renumber: periods 1..n; quarters 1..m, a new one wherever the new calendar's quarter (or year) changes.
        List<FiscalPeriodRange> numbered = new ArrayList<>(cut.size());
        int quarter = 0;
        FiscalPeriodRange previous = null;
        for (FiscalPeriodRange p : cut) {
            if (previous == null || previous.quarter() != p.quarter() || previous.fiscalYear() != p.fiscalYear()) {
                quarter++;
            }
            numbered.add(new FiscalPeriodRange(name, quarter, numbered.size() + 1, p.start(), p.end()));
            previous = p;
        }
        return List.copyOf(numbered);
    }

    @Override
    public FiscalPosition locate(LocalDate date) {
        if (date.isAfter(end)) {
            FiscalPosition p = next.locate(date);
            int renamed = p.fiscalYear() + offset;
            return new FiscalPosition(p.date(), renamed, p.yearStart(), p.yearEnd(), p.quarter(), p.quarterStart(), p.quarterEnd(),
                    p.period(), p.periodStart(), p.periodEnd(), p.week(), p.weekStart(), p.weekEnd(), p.dayOfYear(),
                    FiscalLabels.week(renamed, p.quarter(), p.period(), p.week()));
        }
        if (date.isBefore(from)) {
            throw new IllegalArgumentException(date + " is before the transition year starting " + from);
        }
        FiscalPeriodRange period = periods.stream().filter(p -> p.contains(date)).findFirst().orElseThrow();
        FiscalQuarterRange quarter = quarters(name).get(period.quarter() - 1);
        int dayOfYear = (int) ChronoUnit.DAYS.between(from, date) + 1;
        int week = (dayOfYear - 1) / 7 + 1;
        LocalDate weekStart = from.plusWeeks(week - 1L);
        LocalDate weekEnd = weekStart.plusDays(6).isAfter(end) ? end : weekStart.plusDays(6);
        return new FiscalPosition(date, name, from, end, quarter.quarter(), quarter.start(), quarter.end(), period.period(),
                period.start(), period.end(), week, weekStart, weekEnd, dayOfYear,
                FiscalLabels.week(name, quarter.quarter(), period.period(), week));
    }

    @Override
    public FiscalYearRange year(int fiscalYear) {
        if (fiscalYear == name) {
            return transitionYear();
        }
        requireAfterTransition(fiscalYear);
        FiscalYearRange y = next.year(fiscalYear - offset);
        return new FiscalYearRange(fiscalYear, y.start(), y.end());
    }

    @Override
    public List<FiscalPeriodRange> periods(int fiscalYear) {
        if (fiscalYear == name) {
            return periods;
        }
        requireAfterTransition(fiscalYear);
        return next.periods(fiscalYear - offset).stream()
                .map(p -> new FiscalPeriodRange(fiscalYear, p.quarter(), p.period(), p.start(), p.end())).toList();
    }

    private void requireAfterTransition(int fiscalYear) {
        if (fiscalYear < name) {
            throw new IllegalArgumentException("FY" + fiscalYear + " is before the transition year FY" + name);
        }
    }

    @Override
    public String toString() {
        return "TransitionYear[" + transition + " FY" + name + " " + from + ".." + end + " then " + next + "]";
    }
}
