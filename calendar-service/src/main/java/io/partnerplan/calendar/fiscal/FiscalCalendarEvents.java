package io.partnerplan.calendar.fiscal;

import io.partnerplan.platform.events.EventType;

/** The events of an organisation's fiscal calendar (docs/events/README.md), keyed by the organisation. */
public final class FiscalCalendarEvents {

    public static final EventType<FiscalCalendarView> CHANGED = EventType.of("fiscal-calendar.changed", "fiscal-calendar", FiscalCalendarView.class);

    private FiscalCalendarEvents() {
    }
}
