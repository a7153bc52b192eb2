package io.partnerplan.platform.events;

import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.faulttolerance.api.Guard;

/**
 * See {@link RetriesEvents}. At the priority of the fault tolerance interceptor it replaces, inside
 * {@code @Transactional} and {@link WaitsForDatabase}, as {@code @Retry} ran before.
 */
@RetriesEvents
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class RetriesEventsInterceptor {

    static final int MAX_RETRIES = 3;

    /** Built with the interceptor (at run time: the fault tolerance runtime must be up). */
    private final Guard retries = Guard.create()
            .withDescription("event consumer")
            .withRetry()
            .maxRetries(MAX_RETRIES)
            .delay(200, ChronoUnit.MILLIS)
            .jitter(100, ChronoUnit.MILLIS)
            .abortOn(PoisonEventException.class)
            .done()
            .build();

    @AroundInvoke
    Object retried(InvocationContext context) throws Exception {
        return retries.call(context::proceed, Object.class);
    }
}
