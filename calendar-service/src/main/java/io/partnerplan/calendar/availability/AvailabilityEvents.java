package io.partnerplan.calendar.availability;

import io.partnerplan.platform.events.EventType;

/** The events of out-of-office periods (docs/events/README.md), keyed by the organisation of the person away. */
public final class AvailabilityEvents {

    public static final EventType<AvailabilityView> CHANGED = EventType.of("availability.changed", "availability", AvailabilityView.class);

    private AvailabilityEvents() {
    }
}
