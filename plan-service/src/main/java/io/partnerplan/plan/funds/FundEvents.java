package io.partnerplan.plan.funds;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's fund requests, keyed by the plan (docs/events/README.md). */
public final class FundEvents {

    public static final EventType<FundRequestView> REQUESTED = EventType.of("fund.requested", "plan", FundRequestView.class);
    public static final EventType<FundRequestView> LEVEL_APPROVED = EventType.of("fund.level-approved", "plan", FundRequestView.class);
    public static final EventType<FundRequestView> APPROVED = EventType.of("fund.approved", "plan", FundRequestView.class);
    public static final EventType<FundRequestView> REJECTED = EventType.of("fund.rejected", "plan", FundRequestView.class);
    public static final EventType<FundRequestView> WITHDRAWN = EventType.of("fund.withdrawn", "plan", FundRequestView.class);

    private FundEvents() {
    }
}
