package io.partnerplan.plan.investment;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's conditional investments, keyed by the plan (docs/events/README.md). */
public final class InvestmentEvents {

    public static final EventType<InvestmentView> CREATED = EventType.of("investment.created", "plan", InvestmentView.class);
    public static final EventType<InvestmentView> UPDATED = EventType.of("investment.updated", "plan", InvestmentView.class);
    public static final EventType<InvestmentView> UNLOCKED = EventType.of("investment.unlocked", "plan", InvestmentView.class);

    private InvestmentEvents() {
    }
}
