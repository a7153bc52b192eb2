package io.partnerplan.kpi.scorecard;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.scorecard.*}: how often plans' scorecards are announced ({@code kpi.scorecard.changed}). */
@ConfigMapping(prefix = "partnerplan.scorecard")
public interface ScorecardSettings {

    /** How often the job announces the scorecards marked changed (read by its schedule; {@code off} stops it). */
    @WithDefault("1s")
    String interval();

    /** At least this long between two announcements of one plan's scorecard: a burst of changes is one event. */
    @WithDefault("1s")
    Duration spacing();

    /** When every active plan is marked for a fresh summary (a new day moves forecasts), as a cron expression. */
    @WithDefault("0 5 0 * * ?")
    String dailyRefresh();
}
