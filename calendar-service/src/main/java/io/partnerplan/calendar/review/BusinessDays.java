package io.partnerplan.calendar.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Weekdays that are no declared holiday of either organisation. Pure rules. */
public final class BusinessDays {

    private final Set<LocalDate> holidays;

    public BusinessDays(Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(new HashSet<>(holidays));
    }

    public boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}th business day after {@code day}; for 0, {@code day} itself or the next business day. */
    public LocalDate after(LocalDate day, int n) {
        LocalDate d = day;
        if (n == 0) {
            while (!isBusinessDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** {@code day} itself, or the last business day before it. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
