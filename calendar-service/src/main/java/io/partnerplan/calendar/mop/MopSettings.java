package io.partnerplan.calendar.mop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.mops.*}: how Mutual Operating Period candidates are shaped. */
@ConfigMapping(prefix = "partnerplan.mops")
public interface MopSettings {

    /**
     * The shortest period a MOP candidate offers, in weeks: a shorter stub (where two fiscal years
     * almost meet) merges into its neighbouring period; a period that short is useless for targets
     * and reviews.
     */
    @WithDefault("4")
    @Min(1)
    @Max(13)
    int minimumPeriodWeeks();
}
