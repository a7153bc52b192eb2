package io.partnerplan.plan.member;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's membership, keyed by the plan (docs/events/README.md). */
public final class MemberEvents {

    public static final EventType<MemberView> ADDED = EventType.of("member.added", "plan", MemberView.class);
    public static final EventType<MemberView> REMOVED = EventType.of("member.removed", "plan", MemberView.class);

    private MemberEvents() {
    }
}
