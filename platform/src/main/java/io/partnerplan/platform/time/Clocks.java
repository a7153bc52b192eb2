package io.partnerplan.platform.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock scheduled work reads "today" from. Inject it instead of calling {@code LocalDate.now()}
 * so a test or a scenario can supply its own (a {@code @Singleton Clock} bean replaces this default).
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
