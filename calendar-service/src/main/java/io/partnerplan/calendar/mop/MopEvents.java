package io.partnerplan.calendar.mop;

import io.partnerplan.platform.events.EventType;

/** The events of a Mutual Operating Period (docs/events/README.md), keyed by the MOP. */
public final class MopEvents {

    public static final EventType<MopView> PROPOSED = EventType.of("mop.proposed", "mop", MopView.class);
    public static final EventType<MopView> AGREED = EventType.of("mop.agreed", "mop", MopView.class);

    private MopEvents() {
    }
}
