package io.partnerplan.calendar.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.partnerplan.calendar.mop.MopPeriod;

/**
 * When an agreed plan is reviewed: at the end of each MOP period that ends within the plan's
 * horizon when the parties agreed a MOP and review quarterly, otherwise at the end of every month
 * or every three months from the horizon's start. The horizon's last day always closes a review
 * period, so the plan is reviewed before it is renewed. Pure rules.
 */
public final class ReviewSchedule {

    private ReviewSchedule() {
    }

    public static List<LocalDate> dueDates(LocalDate horizonStart, LocalDate horizonEnd, String cadence, List<MopPeriod> mop) {
        List<LocalDate> due = new ArrayList<>();
        if ("QUARTERLY".equals(cadence) && mop != null && !mop.isEmpty()) {
            for (MopPeriod period : mop) {
                if (!period.end().isBefore(horizonStart) && period.end().isBefore(horizonEnd)) {
                    due.add(period.end());
                }
            }
        } else {
            int months = "MONTHLY".equals(cadence) ? 1 : 3;
            for (int i = 1; ; i++) {
                LocalDate end = horizonStart.plusMonths((long) months * i).minusDays(1);
                if (!end.isBefore(horizonEnd)) {
                    break;
                }
                due.add(end);
            }
        }
        due.add(horizonEnd);
        return due;
    }

    /**
     * When the reviews of {@code periodEnds} (as {@link #dueDates} gives them, the horizon's end last)
     * are held: {@code businessDaysAfter} business days after each period end, once its numbers are in;
     * the last one on the horizon's last business day, before the plan is renewed. A period's review
     * that would fall on or after the last one is left to it.
     */
    public static List<LocalDate> place(List<LocalDate> periodEnds, BusinessDays days, int businessDaysAfter) {
        LocalDate last = days.onOrBefore(periodEnds.get(periodEnds.size() - 1));
        List<LocalDate> placed = new ArrayList<>();
        for (LocalDate end : periodEnds.subList(0, periodEnds.size() - 1)) {
            LocalDate day = days.after(end, businessDaysAfter);
            if (day.isBefore(last) && !placed.contains(day)) {
                placed.add(day);
            }
        }
        placed.add(last);
        return placed;
    }
}
