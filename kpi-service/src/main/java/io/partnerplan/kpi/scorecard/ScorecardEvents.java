package io.partnerplan.kpi.scorecard;

import io.partnerplan.platform.events.EventType;

/** A plan's scorecard, keyed by the plan (docs/events/README.md). */
public final class ScorecardEvents {

    public static final EventType<ScorecardSummary> CHANGED = EventType.of("kpi.scorecard.changed", "plan", ScorecardSummary.class);

    private ScorecardEvents() {
    }
}
