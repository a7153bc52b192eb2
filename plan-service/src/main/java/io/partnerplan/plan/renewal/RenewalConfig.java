package io.partnerplan.plan.renewal;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.renewal.*}: when a plan may be renewed without saying why. */
@ConfigMapping(prefix = "partnerplan.renewal")
public interface RenewalConfig {

    /** How long before the horizon's end the renewal window opens (ISO-8601 period, e.g. P90D or P3M). */
    @WithDefault("P90D")
    Period window();
}
