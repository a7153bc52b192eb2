package io.partnerplan.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On an {@code @Incoming} consumer method: while the database is out of reach (restart, fail-over,
 * pool exhausted) the event is held and retried, in order, until the database is back, instead of
 * spending the bounded retries meant for bad events and landing in the dead-letter topic with its
 * effect lost. Outermost around {@code @Transactional}, so each attempt is a fresh transaction.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface WaitsForDatabase {
}
