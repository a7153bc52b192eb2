package io.partnerplan.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * {@code min(max, initial * 2^(n-1))}. The random half spreads the retries of many deliveries that
 * failed together (a mail server or endpoint outage) instead of hammering it in lockstep.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** @param failedAttempts attempts made so far, at least 1 */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        long ceiling = max.toMillis();
        long exponential = initial.toMillis();
        for (int i = 1; i < failedAttempts && exponential < ceiling; i++) {
            exponential *= 2;
        }
        long full = Math.min(exponential, ceiling);
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }
}
