package io.partnerplan.kpi.target;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's targets, keyed by the plan (docs/events/README.md). */
public final class TargetEvents {

    public static final EventType<TargetSetView> SET = EventType.of("kpi.targets.set", "plan", TargetSetView.class);
    public static final EventType<PeriodClose.TargetMissed> MISSED = EventType.of("kpi.target.missed", "plan", PeriodClose.TargetMissed.class);

    private TargetEvents() {
    }
}
