package io.partnerplan.platform.events;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.partnerplan.platform.persistence.DatabaseUnavailable;

/** See {@link WaitsForDatabase}. Runs before the transaction and request-context interceptors. */
@WaitsForDatabase
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class WaitsForDatabaseInterceptor {

    private static final Logger LOG = Logger.getLogger(WaitsForDatabaseInterceptor.class);
    /** Longer than any restart or fail-over; past it the event goes the way of other failures (the DLQ). */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final long FIRST_PAUSE_MS = 250;
    private static final long LONGEST_PAUSE_MS = 5_000;

    @AroundInvoke
    Object holdWhileDatabaseIsAway(InvocationContext context) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            try {
                return context.proceed();
            } catch (Exception e) {
                if (!DatabaseUnavailable.causes(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Database unavailable while handling an event in %s; retrying in %d ms",
                        context.getMethod().getDeclaringClass().getSimpleName(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            }
        }
    }
}
