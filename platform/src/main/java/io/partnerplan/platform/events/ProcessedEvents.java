package io.partnerplan.platform.events;

import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.requestid.RequestIds;

/**
 * Idempotent consumption: the event id is recorded in the consumer's own transaction together with
 * its effects, so a redelivered event (at-least-once delivery, relay retries, rebalances) changes nothing.
 * <p>
 * Use from an {@code @Incoming} method that is {@code @Blocking}, {@code @WaitsForDatabase}, {@code @Retry}-annotated (bounded
 * retries, {@code abortOn = PoisonEventException.class}), {@code @ActivateRequestContext} and
 * {@code @Transactional}; the channel's {@code failure-strategy=dead-letter-queue} parks what still fails.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;

    public ProcessedEvents(EntityManager em, ObjectMapper json, Caller caller) {
        this.em = em;
        this.json = json;
        this.caller = caller;
    }

    /** Runs {@code handler} once per (consumer, event id), in the caller's tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void once(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        once(consumer, record, type -> true, handler);
    }

    /**
     * Runs {@code handler} once per (consumer, event id), in the caller's tenant, for the event types
     * {@code wanted} accepts (by short type, {@code plan.created}). An event of another type is still read
     * and checked (a malformed one is poison for every consumer of its topic and goes to the dead-letter
     * topic with its reason), then acknowledged without touching the database: no connection, no
     * {@code processed_event} row, no commit. Its effects are none, so there is nothing to make idempotent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void once(String consumer, ConsumerRecord<String, String> record, Predicate<String> wanted,
                     Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(record, json);
        if (!wanted.test(event.shortType())) {
            LOG.tracef("%s does not use %s events; %s acknowledged", consumer, event.type(), event.id());
            return;
        }
        if (event.traceId() != null) {
            MDC.put(RequestIds.MDC_KEY, event.traceId());
        }
        // Before the first query: Hibernate fixes a session's tenant when the session opens.
        caller.actAsTenant(event.tenantId());
        int inserted = em.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, consumer).setParameter(2, event.id()).setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s already processed event %s (%s); skipped", consumer, event.id(), event.type());
            return;
        }
        handler.accept(event);
    }
}
