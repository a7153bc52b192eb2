package io.partnerplan.plan.milestone;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's milestones, keyed by the plan (docs/events/README.md). */
public final class MilestoneEvents {

    public static final EventType<MilestoneView> CREATED = EventType.of("milestone.created", "plan", MilestoneView.class);
    public static final EventType<MilestoneView> UPDATED = EventType.of("milestone.updated", "plan", MilestoneView.class);
    public static final EventType<MilestoneView> AT_RISK = EventType.of("milestone.at-risk", "plan", MilestoneView.class);
    public static final EventType<MilestoneView> ON_TRACK = EventType.of("milestone.on-track", "plan", MilestoneView.class);
    public static final EventType<MilestoneView> ACHIEVED = EventType.of("milestone.achieved", "plan", MilestoneView.class);
    public static final EventType<MilestoneView> MISSED = EventType.of("milestone.missed", "plan", MilestoneView.class);

    /** The event a milestone's move to {@code status} is announced with. */
    static EventType<MilestoneView> statusChange(MilestoneStatus status) {
        return switch (status) {
            case AT_RISK -> AT_RISK;
            case ACHIEVED -> ACHIEVED;
            case MISSED -> MISSED;
            case PENDING -> ON_TRACK;
        };
    }

    private MilestoneEvents() {
    }
}
