package io.partnerplan.kpi.measurement;

import io.partnerplan.platform.events.EventType;

/** The events of a plan's measurements, keyed by the plan (docs/events/README.md). */
public final class MeasurementEvents {

    public static final EventType<MeasurementView> RECORDED = EventType.of("kpi.measurement.recorded", "plan", MeasurementView.class);
    public static final EventType<Measurements.Imported> IMPORTED = EventType.of("kpi.measurements.imported", "plan", Measurements.Imported.class);

    private MeasurementEvents() {
    }
}
