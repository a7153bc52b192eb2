package io.partnerplan.calendar.period;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.conflicts.*}: absences in closing windows, told ahead. */
@ConfigMapping(prefix = "partnerplan.conflicts")
public interface ClosingWindowSettings {

    /**
     * How many days before a closing window opens an absence in it is announced
     * ({@code availability.conflict}): time enough to arrange the handover to the delegate.
     */
    @WithDefault("42")
    @Min(0)
    @Max(365)
    int leadDays();

    /** How often the job looks for absences to announce (read by its schedule; {@code off} stops it). */
    @WithDefault("1h")
    String checkInterval();
}
