package io.partnerplan.plan.plan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.plans.*}: bounds of a plan. */
@ConfigMapping(prefix = "partnerplan.plans")
public interface PlanLimits {

    /** The longest horizon a plan (drafted, edited, renewed or from a template) may span, in years. */
    @WithDefault("10")
    int maxHorizonYears();
}
