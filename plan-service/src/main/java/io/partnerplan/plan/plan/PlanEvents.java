package io.partnerplan.plan.plan;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's header and lifecycle, keyed by the plan (docs/events/README.md). */
public final class PlanEvents {

    public static final EventType<PlanService.PlanCreated> CREATED = EventType.of("plan.created", "plan", PlanService.PlanCreated.class);
    public static final EventType<PlanView> UPDATED = EventType.of("plan.updated", "plan", PlanView.class);
    public static final EventType<PlanView> PROPOSED = EventType.of("plan.proposed", "plan", PlanView.class);
    public static final EventType<PlanView> RETURNED_TO_DRAFT = EventType.of("plan.returned-to-draft", "plan", PlanView.class);
    public static final EventType<PlanView> SIGNED_OFF = EventType.of("plan.signed-off", "plan", PlanView.class);
    public static final EventType<PlanView> AGREED = EventType.of("plan.agreed", "plan", PlanView.class);
    public static final EventType<PlanView> ACTIVATED = EventType.of("plan.activated", "plan", PlanView.class);
    public static final EventType<PlanView> CLOSED = EventType.of("plan.closed", "plan", PlanView.class);

    private PlanEvents() {
    }
}
