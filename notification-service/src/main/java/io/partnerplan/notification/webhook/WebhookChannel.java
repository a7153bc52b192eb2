package io.partnerplan.notification.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.notification.delivery.Channel;
import io.partnerplan.notification.delivery.Deliveries;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.persistence.AfterCommit;
import io.partnerplan.platform.security.Caller;

/**
 * Queues one delivery per subscription that wants the event, in the consumer's transaction. The
 * body is fixed now (the CloudEvent in structured JSON), so every retry and replay sends the same bytes.
 * Once that transaction commits, the dispatcher is nudged to send them now rather than at its next tick.
 */
@ApplicationScoped
public class WebhookChannel {

    private final EntityManager em;
    private final Deliveries deliveries;
    private final ObjectMapper json;
    private final Caller caller;
    private final TransactionSynchronizationRegistry transactions;
    private final WebhookDispatcher dispatcher;

    public WebhookChannel(EntityManager em, Deliveries deliveries, ObjectMapper json, Caller caller,
                          TransactionSynchronizationRegistry transactions, WebhookDispatcher dispatcher) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.em = em;
        this.deliveries = deliveries;
        this.json = json;
        this.caller = caller;
    }

    /**
     * The tenant's own subscriptions get every event of their types; an organisation's get the events of
     * the plans that organisation is a party to (the plan is the event's subject), nothing of other plans.
     *
     * @return how many deliveries were queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int fanOut(IncomingEvent event) {
        UUID plan = planOf(event);
        if (plan != null) {
            em.flush(); // the consumer's copy of the plan, just written, decides which organisations' subscriptions get it
        }
        @SuppressWarnings("unchecked")
        List<Object> subscriptions = em.createNativeQuery("""
                select cast(w.id as text) from webhook_subscription w
                where w.tenant_id = ?1 and w.active and ?2 = any (w.event_types)
                  and (w.organisation_id is null or exists (
                       select 1 from known_plan p where p.tenant_id = w.tenant_id and p.plan_id = cast(?3 as uuid)
                       and w.organisation_id in (p.vendor_organisation_id, p.partner_organisation_id)))
                order by w.id""")
                .setParameter(1, caller.requireTenant()).setParameter(2, event.shortType())
                .setParameter(3, plan == null ? null : plan.toString()).getResultList();
        if (subscriptions.isEmpty()) {
            return 0;
        }
        String body = body(event);
        int queued = 0;
        for (Object subscription : subscriptions) {
            queued += deliveries.enqueue(Channel.WEBHOOK, event.id(), event.shortType(), subscription.toString(), null, body) ? 1 : 0;
        }
        if (queued > 0) {
            nudgeDispatcherAfterCommit();
        }
        return queued;
    }

    /** The plan an event is about (its subject), for the types about one plan; null otherwise. */
    static UUID planOf(IncomingEvent event) {
        if (!EventCatalogue.OF_A_PLAN.contains(event.shortType()) || event.subject() == null) {
            return null;
        }
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Once per transaction (a batch of events queues many deliveries): the rows are visible only after commit. */
    private void nudgeDispatcherAfterCommit() {
        AfterCommit.once(transactions, WebhookChannel.class, dispatcher::nudge);
    }

    private String body(IncomingEvent event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", event.id());
        envelope.put("type", event.type());
        envelope.put("source", event.source());
        if (event.subject() != null) {
            envelope.put("subject", event.subject());
        }
        envelope.put("time", event.time().toString());
        envelope.put("tenantid", event.tenantId());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", event.data());
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
