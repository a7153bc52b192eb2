package io.partnerplan.plan.amendment;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's amendments, keyed by the plan (docs/events/README.md). */
public final class AmendmentEvents {

    public static final EventType<AmendmentView> PROPOSED = EventType.of("plan.amendment-proposed", "plan", AmendmentView.class);
    public static final EventType<AmendmentView> REJECTED = EventType.of("plan.amendment-rejected", "plan", AmendmentView.class);
    public static final EventType<AmendmentView> WITHDRAWN = EventType.of("plan.amendment-withdrawn", "plan", AmendmentView.class);
    public static final EventType<AmendmentView> AMENDED = EventType.of("plan.amended", "plan", AmendmentView.class);

    private AmendmentEvents() {
    }
}
