package io.partnerplan.calendar.fiscal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Which weekday ends a 52/53-week fiscal year, relative to the last day of its year-end month. */
public enum YearEndRule {

    /** The last such weekday in the month (Apple: the last Saturday of September). */
    LAST,

    /**
     * The such weekday nearest the month's last day, up to three days into the next month
     * (NRF: the Saturday nearest the end of January).
     */
    NEAREST;

    LocalDate yearEnd(int year, Month month, DayOfWeek weekday) {
        LocalDate monthEnd = YearMonth.of(year, month).atEndOfMonth();
        LocalDate before = monthEnd.with(TemporalAdjusters.previousOrSame(weekday));
        if (this == LAST) {
            return before;
        }
        // The two candidates are 7 days apart (or the same day), so one is at most 3 days away: no ties.
        LocalDate after = monthEnd.with(TemporalAdjusters.nextOrSame(weekday));
        return ChronoUnit.DAYS.between(before, monthEnd) <= ChronoUnit.DAYS.between(monthEnd, after) ? before : after;
    }
}
