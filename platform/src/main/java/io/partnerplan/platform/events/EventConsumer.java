package io.partnerplan.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;

/**
 * The recipe of every Kafka consumer, on its class: one application-scoped bean per consumed topic
 * whose {@code @Incoming} method (with {@code @Blocking(ordered = true)}, which SmallRye Reactive
 * Messaging reads from the method itself) hands the record to {@link ProcessedEvents#once}.
 * Around that method, outermost first:
 * <ol>
 * <li>{@link WaitsForDatabase}: while the database is away the event waits, in order;</li>
 * <li>{@code @ActivateRequestContext}: the tenant and caller beans of the event;</li>
 * <li>{@code @Transactional}: the handler's effects and the {@code processed_event} row commit together;</li>
 * <li>{@link RetriesEvents}: a failure is tried again three times, a {@link PoisonEventException} at
 * once goes to the dead-letter topic.</li>
 * </ol>
 * A consumer class has no other public method (every one would be intercepted the same way).
 */
@Stereotype
@ApplicationScoped
@WaitsForDatabase
@ActivateRequestContext
@Transactional
@RetriesEvents
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventConsumer {
}
