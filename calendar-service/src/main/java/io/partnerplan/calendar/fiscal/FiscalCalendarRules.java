package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of one organisation's fiscal calendar, whatever its kind. Fiscal years are named
 * by the calendar's {@link YearNaming}; every day of every year belongs to exactly one period, and
 * years, quarters and periods follow each other without gaps.
 */
public interface FiscalCalendarRules {

    FiscalPosition locate(LocalDate date);

    /** The fiscal year of that name. */
    FiscalYearRange year(int fiscalYear);

    /** The periods of that fiscal year, in order, each with its quarter. */
    List<FiscalPeriodRange> periods(int fiscalYear);

    default List<FiscalQuarterRange> quarters(int fiscalYear) {
        List<FiscalQuarterRange> quarters = new ArrayList<>(4);
        for (FiscalPeriodRange period : periods(fiscalYear)) {
            int last = quarters.size() - 1;
            if (last >= 0 && quarters.get(last).quarter() == period.quarter()) {
                quarters.set(last, quarters.get(last).through(period.end()));
            } else {
                quarters.add(new FiscalQuarterRange(fiscalYear, period.quarter(), period.start(), period.end()));
            }
        }
        return quarters;
    }

    /** The fiscal years that share at least one day with {@code from..to} (both inclusive). */
    default List<FiscalYearRange> yearsTouching(LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        List<FiscalYearRange> years = new ArrayList<>();
        for (int year = locate(from).fiscalYear(); year <= locate(to).fiscalYear(); year++) {
            years.add(year(year));
        }
        return years;
    }

    /** The fiscal quarters that share at least one day with {@code from..to} (both inclusive). */
    default List<FiscalQuarterRange> quartersTouching(LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        List<FiscalQuarterRange> touching = new ArrayList<>();
        for (int year = locate(from).fiscalYear(); year <= locate(to).fiscalYear(); year++) {
            for (FiscalQuarterRange quarter : quarters(year)) {
                if (quarter.overlaps(from, to)) {
                    touching.add(quarter);
                }
            }
        }
        return touching;
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }
}
