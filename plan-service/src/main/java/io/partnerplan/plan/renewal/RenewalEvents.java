package io.partnerplan.plan.renewal;

import io.partnerplan.platform.events.EventType;

/** A plan's renewal, keyed by the renewed plan (docs/events/README.md). */
public final class RenewalEvents {

    public static final EventType<Renewal> RENEWED = EventType.of("plan.renewed", "plan", Renewal.class);

    private RenewalEvents() {
    }
}
