package io.partnerplan.kpi.definition;

import io.partnerplan.platform.events.EventType;

/** The events of the KPI library, keyed by the KPI (docs/events/README.md). */
public final class KpiDefinitionEvents {

    public static final EventType<KpiDefinitionView> DEFINED = EventType.of("kpi.defined", "kpi", KpiDefinitionView.class);

    private KpiDefinitionEvents() {
    }
}
