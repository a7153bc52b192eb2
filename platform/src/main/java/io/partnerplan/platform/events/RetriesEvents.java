package io.partnerplan.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A consumer's bounded retries (part of {@link EventConsumer}): three more attempts, 200 ms (± 100 ms)
 * apart, none for a {@link PoisonEventException}; what still fails is nacked, and the channel's
 * {@code failure-strategy=dead-letter-queue} parks it.
 * <p>
 * Why not {@code @Retry} on the stereotype: Quarkus 3.33's fault tolerance extension looks for its
 * annotations on the method and the class only, not inside a stereotype (SmallRye Fault Tolerance
 * 6.10; upstream smallrye-fault-tolerance#1274), so a stereotyped {@code @Retry} is silently not applied.
 * {@link RetriesEventsInterceptor} applies the same policy through SmallRye Fault Tolerance's
 * programmatic {@code Guard} instead; {@code EventConsumerStereotypeTest} (calendar-service) checks it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RetriesEvents {
}
