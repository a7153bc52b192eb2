package io.partnerplan.notification.webhook;

import java.time.Instant;

/**
 * An endpoint's circuit breaker, from its stored state: CLOSED while it answers; OPEN (skipped) for
 * a cool-down once {@code threshold} consecutive attempts failed; HALF_OPEN after the cool-down, when
 * one trial delivery decides: success closes it, failure opens it again.
 */
public enum Circuit {
    CLOSED, OPEN, HALF_OPEN;

    public static Circuit of(Instant openUntil, Instant now) {
        if (openUntil == null) {
            return CLOSED;
        }
        return now.isBefore(openUntil) ? OPEN : HALF_OPEN;
    }
}
