package io.partnerplan.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanKind;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.tracing.Traces;
import io.partnerplan.platform.requestid.RequestIds;

/**
 * Idempotent consumption: the event id is recorded in the consumer's own transaction together with
 * its effects, so a redelivered event (at-least-once delivery, relay retries, rebalances) changes nothing.
 * <p>
 * Use from the {@code @Incoming} method of an {@link EventConsumer} (waits for the database, bounded
 * retries, request context, transaction); the channel's {@code failure-strategy=dead-letter-queue}
 * parks what still fails.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final Traces traces;

    public ProcessedEvents(EntityManager em, ObjectMapper json, Caller caller, Traces traces) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.traces = traces;
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
        // A child of the context the event was recorded in (ce_traceparent): what the handler records
        // (events, deliveries) carries this span's context on.
        traces.inSpan(record.topic() + " process", SpanKind.CONSUMER, traceContext(record), Map.of(
                "messaging.system", "kafka",
                "messaging.operation.type", "process",
                "messaging.destination.name", record.topic(),
                "messaging.consumer.group.name", consumer,
                "messaging.message.id", event.id(),
                "cloudevents.event_type", event.type()), () -> {
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
        });
    }

    /** The event's distributed tracing attributes (ce_traceparent, ce_tracestate), if it has them. */
    static Traces.TraceContext traceContext(ConsumerRecord<String, String> record) {
        return new Traces.TraceContext(header(record, CloudEventHeaders.TRACEPARENT), header(record, CloudEventHeaders.TRACESTATE));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
