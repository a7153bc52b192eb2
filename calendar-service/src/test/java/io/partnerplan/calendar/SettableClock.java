package io.partnerplan.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The service's clock in tests: the real time unless a test sets "today" (and resets it after). */
@Singleton
@Alternative
@Priority(1)
public class SettableClock extends Clock {

    private volatile Instant fixed;

    public void today(LocalDate day) {
        fixed = day.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant();
    }

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
        Instant day = fixed;
        return day == null ? Instant.now() : day;
    }
}
