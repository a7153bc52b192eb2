package io.partnerplan.plan.objective;

import io.partnerplan.platform.events.EventType;

/** The objectives in force once agreed, keyed by the plan (docs/events/README.md). */
public final class ObjectiveEvents {

    public static final EventType<Objectives.ObjectivesAgreed> AGREED = EventType.of("plan.objectives-agreed", "plan", Objectives.ObjectivesAgreed.class);

    private ObjectiveEvents() {
    }
}
