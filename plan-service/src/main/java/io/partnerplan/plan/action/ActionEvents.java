package io.partnerplan.plan.action;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's action items, keyed by the plan (docs/events/README.md). */
public final class ActionEvents {

    public static final EventType<ActionView> CREATED = EventType.of("action.created", "plan", ActionView.class);
    public static final EventType<ActionView> UPDATED = EventType.of("action.updated", "plan", ActionView.class);
    public static final EventType<PlanActions.Overdue> OVERDUE = EventType.of("action.overdue", "plan", PlanActions.Overdue.class);

    private ActionEvents() {
    }
}
