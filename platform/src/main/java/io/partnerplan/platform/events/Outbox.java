package io.partnerplan.platform.events;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.tracing.Traces;
import io.partnerplan.platform.persistence.AfterCommit;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.requestid.RequestIds;

/**
 * Records a domain event in the caller's transaction. Nothing reaches Kafka unless the state change
 * commits, and nothing that commits is lost when Kafka is down: {@link OutboxRelay} publishes later.
 */
@ApplicationScoped
public class Outbox {

    private static final List<EventContract> CONTRACTS = EventContract.installed();

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final String service;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, ObjectMapper json, Caller caller, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay, @ConfigProperty(name = "partnerplan.service") String service) {
        this.transactions = transactions;
        this.relay = relay;
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.service = service;
    }

    /**
     * Records {@code data} as an event of {@code type} about the aggregate {@code aggregateId}, in the
     * caller's tenant.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void publish(EventType<T> type, Object aggregateId, T data) {
        publishFor(caller.requireTenant(), type.name(), type.aggregate(), aggregateId, data);
    }

    /** For jobs that work across tenants: the event belongs to {@code tenant}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void publishFor(String tenant, EventType<T> type, Object aggregateId, T data) {
        publishFor(tenant, type.name(), type.aggregate(), aggregateId, data);
    }

    /**
     * Prefer {@link #publish(EventType, Object, Object)}: a type declared once, checked against its contract.
     *
     * @param shortName    e.g. {@code plan.created}
     * @param aggregateId  the Kafka key and CloudEvents subject, so one aggregate's events stay ordered
     * @param data         serialized as the event's JSON data
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String shortName, String aggregateType, Object aggregateId, Object data) {
        publishFor(caller.requireTenant(), shortName, aggregateType, aggregateId, data);
    }

    /** For jobs that work across tenants: the event belongs to {@code tenant}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishFor(String tenant, String shortName, String aggregateType, Object aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = Ids.next();
        event.tenantId = tenant;
        event.topic = EventTypes.topicOf(service);
        event.type = EventTypes.type(shortName);
        event.source = EventTypes.source(service);
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId.toString();
        event.occurredAt = Instant.now();
        event.traceId = RequestIds.current();
        Traces.TraceContext trace = Traces.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        event.actor = caller.subject();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + shortName + " is not serializable", e);
        }
        for (EventContract contract : CONTRACTS) {
            contract.requireValid(shortName, event.payload);
        }
        em.persist(event);
        nudgeRelayAfterCommit();
    }

    private void nudgeRelayAfterCommit() {
        AfterCommit.once(transactions, Outbox.class, relay::nudge);
    }
}
