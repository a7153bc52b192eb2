package io.partnerplan.calendar.period;

import io.partnerplan.platform.events.EventType;

/** The events of the period jobs (docs/events/README.md): closing windows and closes, keyed by the MOP; absences in them. */
public final class PeriodEvents {

    public static final EventType<PeriodAnnouncements.Announcement> CLOSING =
            EventType.of("period.closing", "mop", PeriodAnnouncements.Announcement.class);
    public static final EventType<PeriodAnnouncements.Announcement> CLOSED =
            EventType.of("period.closed", "mop", PeriodAnnouncements.Announcement.class);
    /** Keyed by the absence (the availability id). */
    public static final EventType<ClosingWindowConflicts.Conflict> AVAILABILITY_CONFLICT =
            EventType.of("availability.conflict", "availability", ClosingWindowConflicts.Conflict.class);

    private PeriodEvents() {
    }
}
