package io.partnerplan.plan.escalation;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's escalations, keyed by the plan (docs/events/README.md). */
public final class EscalationEvents {

    public static final EventType<EscalationView> RAISED = EventType.of("escalation.raised", "plan", EscalationView.class);
    public static final EventType<EscalationView> ACKNOWLEDGED = EventType.of("escalation.acknowledged", "plan", EscalationView.class);
    public static final EventType<EscalationView> CLIMBED = EventType.of("escalation.climbed", "plan", EscalationView.class);
    public static final EventType<EscalationView> RESOLVED = EventType.of("escalation.resolved", "plan", EscalationView.class);

    private EscalationEvents() {
    }
}
