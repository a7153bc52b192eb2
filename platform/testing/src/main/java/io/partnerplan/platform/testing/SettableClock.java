package io.partnerplan.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The services' {@link Clock} in every {@code @QuarkusTest} (this module carries a Jandex index, so
 * Quarkus finds the bean; it replaces platform's {@code Clocks}): the real time in UTC unless a test
 * sets it, and then that time until the test moves or resets it. Inject it, set "today" or an
 * instant, and {@link #reset()} in {@code @AfterEach}.
 */
@Singleton
@Alternative
@Priority(1)
public class SettableClock extends Clock {

    private volatile Instant fixed;

    /** From now on the clock reads {@code instant}. */
    public void at(Instant instant) {
        fixed = instant;
    }

    /** From now on the clock reads noon UTC of {@code day}: the same date in every time zone from UTC-11 to UTC+11. */
    public void today(LocalDate day) {
        fixed = day.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant();
    }

    /** Moves a set time on by {@code time} (from the real time when none was set). */
    public void later(Duration time) {
        fixed = instant().plus(time);
    }

    /** Back to the real time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
