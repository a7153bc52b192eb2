package io.partnerplan.platform.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * The clock scheduled work reads "today" from. Inject it instead of calling {@code LocalDate.now()}
 * so a test or a scenario can supply its own (a {@code @Singleton Clock} bean replaces this default).
 * In production it is the plain system clock in UTC; only with
 * {@code partnerplan.clock.controllable=true} (the end-to-end stack, never production) it is a
 * {@link MovableClock} that {@link ClockResource} moves forward, so a scenario can let a quarter end
 * without waiting for it.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock(@ConfigProperty(name = "partnerplan.clock.controllable", defaultValue = "false") boolean controllable) {
        return controllable ? new MovableClock() : Clock.systemUTC();
    }
}
