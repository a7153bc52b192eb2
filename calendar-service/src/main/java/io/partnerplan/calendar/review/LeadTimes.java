package io.partnerplan.calendar.review;

import java.util.List;
import java.util.TreeSet;

/**
 * The days before a review that {@code review.due} is announced (default 7, 1 and 0: a week before, the day
 * before and on the day). On the day is always one of them: plan-service puts the plan in review on it.
 *
 * <p>The lead time a review is inside is the smallest one not less than the days until it (on the day or
 * past it: 0). Only that one is announced: a review 5 days away is inside the
 * 7-day one, a review moved to the day after tomorrow is inside the 7-day one (never announced for this
 * date yet), and after an outage of the job only the latest lead time it missed is announced, once —
 * never a burst of stale "due in a week" messages for a review that is due tomorrow.
 */
public final class LeadTimes {

    private final TreeSet<Integer> days;

    public LeadTimes(List<Integer> days) {
        this.days = new TreeSet<>();
        for (Integer day : days) {
            if (day == null || day < 0) {
                throw new IllegalArgumentException("lead days must be 0 or more, got " + day);
            }
            this.days.add(day);
        }
        this.days.add(0);
    }

    /** The largest lead time: reviews due further ahead than this are not announced yet. */
    public int longest() {
        return days.last();
    }

    /** The lead times as an SQL {@code VALUES} list, e.g. {@code (7), (1), (0)}: integers from configuration only. */
    String sqlValues() {
        return String.join(", ", days.descendingSet().stream().map(d -> "(" + d + ")").toList());
    }

    public List<Integer> days() {
        return List.copyOf(days.descendingSet());
    }
}
