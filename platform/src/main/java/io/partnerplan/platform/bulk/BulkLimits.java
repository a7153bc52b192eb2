package io.partnerplan.platform.bulk;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much one bulk request may carry: lines and time rather than bytes (the body is streamed). */
@ConfigMapping(prefix = "partnerplan.bulk")
public interface BulkLimits {

    /** Rows read per request; the rest is answered "not-read" with the line to resume from. */
    @WithDefault("1000000")
    long maxLines();

    /** Time one request may read for; then as for max-lines. */
    @WithDefault("PT30M")
    Duration maxDuration();

    /** Characters of one line (NDJSON) or cell (CSV); a longer one is rejected and skipped. */
    @WithDefault("65536")
    int maxLineLength();

    /** How long a named upload's progress is kept for resuming. */
    @WithDefault("P7D")
    Duration uploadRetention();
}
