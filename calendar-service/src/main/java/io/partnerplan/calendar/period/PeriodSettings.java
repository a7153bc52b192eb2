package io.partnerplan.calendar.period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.periods.*}: the closing window of each period. */
@ConfigMapping(prefix = "partnerplan.periods")
public interface PeriodSettings {

    /** How many days before a period ends its closing window opens ({@code period.closing}). */
    @WithDefault("14")
    int closingDays();

    /** How often the job looks for what to announce (read by its schedule; {@code off} stops it). */
    @WithDefault("1h")
    String checkInterval();
}
