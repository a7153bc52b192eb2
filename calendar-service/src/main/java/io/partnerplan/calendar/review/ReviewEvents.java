package io.partnerplan.calendar.review;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's review schedule (docs/events/README.md), keyed by the plan. */
public final class ReviewEvents {

    public static final EventType<Reviews.ScheduleView> SCHEDULED = EventType.of("review.scheduled", "plan", Reviews.ScheduleView.class);
    public static final EventType<Reviews.Announcement> DUE = EventType.of("review.due", "plan", Reviews.Announcement.class);
    public static final EventType<Reviews.Announcement> OVERDUE = EventType.of("review.overdue", "plan", Reviews.Announcement.class);

    private ReviewEvents() {
    }
}
