package io.partnerplan.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock in UTC plus an offset that only grows: time in a scenario can jump to the end of
 * a quarter but never run backwards (what was recorded "yesterday" stays in the past).
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves the clock so that it reads {@code target} now; false (and no change) when that is not
     * later than what it reads already.
     */
    public boolean advanceTo(Instant target) {
        while (true) {
            Duration current = offset.get();
            Duration wanted = Duration.between(Instant.now(), target);
            if (wanted.compareTo(current) <= 0) {
                return false;
            }
            if (offset.compareAndSet(current, wanted)) {
                return true;
            }
        }
    }
}
