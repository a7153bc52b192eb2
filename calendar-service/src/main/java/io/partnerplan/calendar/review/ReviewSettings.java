package io.partnerplan.calendar.review;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.reviews.*}: when reviews are announced and when they fall due. */
@ConfigMapping(prefix = "partnerplan.reviews")
public interface ReviewSettings {

    /** The days before a review's due date it is announced ({@code review.due}), 0 being the day itself. */
    @WithDefault("7,1,0")
    List<Integer> leadDays();

    /** How many days after its due date an open review is overdue ({@code review.overdue}). */
    @WithDefault("7")
    int graceDays();

    /** A review falls due this many business days after the period it looks back on ends. */
    @WithDefault("3")
    int businessDaysAfterPeriodEnd();

    /** How often the job looks for what to announce (read by its schedule; {@code off} stops it). */
    @WithDefault("30s")
    String checkInterval();
}
