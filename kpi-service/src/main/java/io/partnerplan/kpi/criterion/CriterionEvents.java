package io.partnerplan.kpi.criterion;

import io.partnerplan.platform.events.EventType;

/** The verdicts on a milestone's KPI criteria, keyed by the plan (docs/events/README.md). */
public final class CriterionEvents {

    public static final EventType<CriterionView> AT_RISK = EventType.of("kpi.criterion.at-risk", "plan", CriterionView.class);
    public static final EventType<CriterionView> ON_TRACK = EventType.of("kpi.criterion.on-track", "plan", CriterionView.class);
    public static final EventType<CriterionView> MET = EventType.of("kpi.criterion.met", "plan", CriterionView.class);
    public static final EventType<CriterionView> MISSED = EventType.of("kpi.criterion.missed", "plan", CriterionView.class);

    /** The event a criterion's move to {@code state} is announced with. */
    static EventType<CriterionView> of(CriterionState state) {
        return switch (state) {
            case MET -> MET;
            case MISSED -> MISSED;
            case AT_RISK -> AT_RISK;
            case ON_TRACK -> ON_TRACK;
        };
    }

    private CriterionEvents() {
    }
}
