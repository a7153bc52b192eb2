package io.partnerplan.kpi.measurement;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.measurements.*}: bounds of a recorded measurement. */
@ConfigMapping(prefix = "partnerplan.measurements")
public interface MeasurementLimits {

    /**
     * How far after today (the service's clock) a measurement's {@code occurredOn} may lie: values
     * measure what happened; a date years ahead is a typo or an attack on the scorecards.
     */
    @WithDefault("P1Y")
    Period maxLead();
}
