package io.partnerplan.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.tracing.Traces;

/**
 * The delivery queue. Rows are written in the consumer's transaction (so nothing is lost and a
 * redelivered event adds nothing) and drained by a channel's dispatcher: it claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} and pushes their due time out by a lease, so replicas never send the
 * same row concurrently, and a replica that dies mid-send leaves the row to be retried after the lease.
 */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;
    private final Caller caller;
    private final Outbox outbox;

    public Deliveries(EntityManager em, Caller caller, Outbox outbox) {
        this.em = em;
        this.caller = caller;
        this.outbox = outbox;
    }

    /** A row being sent by this replica; {@code attempts} counts the attempts before this one. */
    public record Claimed(UUID id, String tenantId, Channel channel, String eventId, String eventType, String recipient,
                          String address, String payload, int attempts, Traces.TraceContext trace) {
    }

    /**
     * Queues a delivery in the caller's tenant unless this event already queued one for this
     * recipient on this channel.
     *
     * @return whether a new delivery was queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Channel channel, String eventId, String eventType, String recipient, String address, String payload) {
        return enqueue(channel, eventId, eventType, recipient, address, payload, Instant.now());
    }

    /** As {@link #enqueue(Channel, String, String, String, String, String)}, not sent before {@code due} (quiet hours). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Channel channel, String eventId, String eventType, String recipient, String address, String payload,
                           Instant due) {
        Instant now = Instant.now();
        Traces.TraceContext trace = Traces.current();
        return em.createNativeQuery("""
                insert into delivery (id, tenant_id, channel, event_id, event_type, recipient, address, payload, status,
                                      attempts, next_attempt_at, created_at, traceparent, tracestate)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?10, ?9, ?11, ?12)
                on conflict (tenant_id, event_id, recipient, channel) do nothing""")
                .setParameter(1, Ids.next()).setParameter(2, caller.requireTenant()).setParameter(3, channel.name())
                .setParameter(4, eventId).setParameter(5, eventType).setParameter(6, recipient).setParameter(7, address)
                .setParameter(8, payload).setParameter(9, now)
                .setParameter(10, due.isAfter(now) ? due : now)
                // The consumer's span: the delivery's span continues it, however much later it is sent.
                .setParameter(11, trace.traceparent()).setParameter(12, trace.tracestate())
                .executeUpdate() == 1;
    }

    /** Claims up to {@code limit} due rows of {@code channel}, across tenants, for {@code lease}. */
    @Transactional
    public List<Claimed> claim(Channel channel, int limit, Duration lease) {
        return claim(channel, limit, limit, Set.of(), lease);
    }

    /**
     * Claims due rows, at most {@code perRecipient} for one recipient (so one flooded endpoint cannot
     * fill the batch) and none for the {@code busy} recipients this replica is still sending to.
     *
     * @return the claimed rows, oldest first
     */
    @Transactional
    public List<Claimed> claim(Channel channel, int limit, int perRecipient, Set<String> busy, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update delivery set next_attempt_at = ?3
                where id in (select id from delivery
                             where id in (select id from (select id, row_number() over (partition by recipient order by next_attempt_at, id) as n
                                                          from delivery
                                                          where channel = ?1 and status = 'PENDING' and next_attempt_at <= now()
                                                            and recipient <> all (string_to_array(?5, ','))) due
                                          where n <= ?4)
                               and status = 'PENDING' and next_attempt_at <= now()
                             order by next_attempt_at limit ?2 for update skip locked)
                returning id, tenant_id, channel, event_id, event_type, recipient, address, payload, attempts,
                          traceparent, tracestate""")
                .setParameter(1, channel.name()).setParameter(2, limit).setParameter(3, Instant.now().plus(lease))
                .setParameter(4, perRecipient).setParameter(5, String.join(",", busy))
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], Channel.valueOf((String) r[2]),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(),
                new Traces.TraceContext((String) r[9], (String) r[10])))
                .sorted(java.util.Comparator.comparing(Claimed::id)).toList();
    }

    /**
     * Notes, before an email is handed to the relay, that an attempt is under way with {@code messageId}
     * (committed at once). The Message-ID first noted stays the delivery's for every retry. An earlier
     * attempt still noted as under way never reported back (its replica died mid-send): it counts as
     * unconfirmed, like one that timed out.
     *
     * @return the Message-ID to send with
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String attemptStarting(Claimed delivery, String messageId) {
        return (String) em.createNativeQuery("""
                update delivery set message_id = coalesce(message_id, ?2), attempt_started_at = now(),
                       unconfirmed_attempts = unconfirmed_attempts + case when attempt_started_at is null then 0 else 1 end
                where id = ?1 returning message_id""")
                .setParameter(1, delivery.id()).setParameter(2, messageId).getSingleResult();
    }

    /** Sent: done, and {@code notification.delivered} tells the rest of the system. */
    @Transactional
    public void sent(Claimed delivery, Integer httpStatus) {
        int attempts = delivery.attempts() + 1;
        em.createNativeQuery("""
                update delivery set status = 'SENT', attempts = ?2, last_status = ?3, last_error = null, completed_at = now(),
                       attempt_started_at = null
                where id = ?1 and status = 'PENDING'""")
                .setParameter(1, delivery.id()).setParameter(2, attempts).setParameter(3, httpStatus).executeUpdate();
        outbox.publishFor(delivery.tenantId(), DeliveryEvents.DELIVERED, delivery.id(), delivered(delivery, attempts));
    }

    /**
     * A failed attempt: retried after a backoff, or FAILED (a dead letter) with
     * {@code notification.failed} once {@code maxAttempts} are spent.
     *
     * @return whether the delivery is now FAILED for good
     */
    @Transactional
    public boolean attemptFailed(Claimed delivery, String error, Integer httpStatus, int maxAttempts, Backoff backoff) {
        return attemptFailed(delivery, error, httpStatus, maxAttempts, backoff, false);
    }

    /**
     * As {@link #attemptFailed(Claimed, String, Integer, int, Backoff)}; {@code unconfirmed}: the attempt's
     * outcome is unknown (it timed out after the message may have reached the relay), and it is counted so.
     */
    @Transactional
    public boolean attemptFailed(Claimed delivery, String error, Integer httpStatus, int maxAttempts, Backoff backoff,
                                 boolean unconfirmed) {
        int attempts = delivery.attempts() + 1;
        String reason = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        boolean exhausted = attempts >= maxAttempts;
        em.createNativeQuery("""
                update delivery set status = ?2, attempts = ?3, last_error = ?4, last_status = ?5, next_attempt_at = ?6,
                       completed_at = case when ?2 = 'FAILED' then now() end, attempt_started_at = null,
                       unconfirmed_attempts = unconfirmed_attempts + ?7
                where id = ?1 and status = 'PENDING'""")
                .setParameter(1, delivery.id()).setParameter(2, exhausted ? "FAILED" : "PENDING")
                .setParameter(3, attempts).setParameter(4, reason).setParameter(5, httpStatus).setParameter(7, unconfirmed ? 1 : 0)
                .setParameter(6, Instant.now().plus(exhausted ? Duration.ZERO : backoff.delay(attempts, ThreadLocalRandom.current())))
                .executeUpdate();
        if (exhausted) {
            outbox.publishFor(delivery.tenantId(), DeliveryEvents.FAILED, delivery.id(), failed(delivery, attempts, reason));
        }
        return exhausted;
    }

    /** Not attempted (e.g. the endpoint's circuit is open): due again at {@code until}, no attempt spent. */
    @Transactional
    public void defer(Claimed delivery, Instant until) {
        em.createNativeQuery("update delivery set next_attempt_at = ?2 where id = ?1 and status = 'PENDING'")
                .setParameter(1, delivery.id()).setParameter(2, until).executeUpdate();
    }

    private static Delivered delivered(Claimed delivery, int attempts) {
        return new Delivered(delivery.id(), delivery.channel(), delivery.eventId(), delivery.eventType(), delivery.recipient(),
                attempts, Instant.now());
    }

    private static Failed failed(Claimed delivery, int attempts, String error) {
        return new Failed(delivery.id(), delivery.channel(), delivery.eventId(), delivery.eventType(), delivery.recipient(),
                attempts, Instant.now(), error);
    }

    /** Data of notification.delivered: {@code eventType} is the short name of the event notified about. */
    public record Delivered(UUID deliveryId, Channel channel, String eventId, String eventType, String recipient, int attempts,
                            Instant at) {
    }

    /** Data of notification.failed: as {@link Delivered}, with the last attempt's {@code error}. */
    public record Failed(UUID deliveryId, Channel channel, String eventId, String eventType, String recipient, int attempts,
                         Instant at, String error) {
    }
}
