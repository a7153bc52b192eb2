package io.partnerplan.kpi.deal;

import io.partnerplan.platform.events.EventType;

/** The events of a deal registration, keyed by the deal (docs/events/README.md). */
public final class DealEvents {

    public static final EventType<DealView> REGISTERED = EventType.of("deal.registered", "deal", DealView.class);
    public static final EventType<DealView> UPDATED = EventType.of("deal.updated", "deal", DealView.class);

    private DealEvents() {
    }
}
