package io.partnerplan.platform.idempotency;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

/** Claims keys and remembers answers, each step in its own short transaction. */
@ApplicationScoped
public class IdempotencyStore {

    public sealed interface Claim {
    }

    /** First use of the key: go ahead. */
    public record Fresh() implements Claim {
    }

    /** Seen before with the same request: answer as then. */
    public record Replay(IdempotencyRecord first) implements Claim {
    }

    /** Seen before with another body, or the first request is still running. */
    public record Refused(int status, String slug, String title, String detail) implements Claim {
    }

    private final EntityManager em;
    private final Duration inFlightTimeout;
    private final Duration retention;

    public IdempotencyStore(EntityManager em,
                            @ConfigProperty(name = "partnerplan.idempotency.in-flight-timeout", defaultValue = "PT1M") Duration inFlightTimeout,
                            @ConfigProperty(name = "partnerplan.idempotency.retention", defaultValue = "P1D") Duration retention) {
        this.em = em;
        this.inFlightTimeout = inFlightTimeout;
        this.retention = retention;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String tenant, String caller, String key, String requestHash) {
        int inserted = em.createNativeQuery("""
                insert into idempotency_record (tenant_id, caller, idem_key, request_hash, created_at)
                values (?1, ?2, ?3, ?4, now()) on conflict do nothing""")
                .setParameter(1, tenant).setParameter(2, caller).setParameter(3, key).setParameter(4, requestHash)
                .executeUpdate();
        if (inserted == 1) {
            return new Fresh();
        }
        IdempotencyRecord first = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(tenant, caller, key),
                LockModeType.PESSIMISTIC_WRITE);
        if (first == null) {
            return new Refused(409, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is being processed; retry shortly");
        }
        if (!first.requestHash.equals(requestHash)) {
            return new Refused(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request; use a new key for a new request");
        }
        if (first.status != null) {
            return new Replay(first);
        }
        if (first.createdAt.isBefore(Instant.now().minus(inFlightTimeout))) {
            // The first attempt died without an answer (crash, timeout): let this one run.
            first.createdAt = Instant.now();
            return new Fresh();
        }
        return new Refused(409, "idempotency-in-progress", "Request in progress",
                "A request with this Idempotency-Key is being processed; retry shortly");
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(String tenant, String caller, String key, int status, String body, String type,
                         String location, String etag) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(tenant, caller, key));
        if (record != null) {
            record.status = status;
            record.responseBody = body;
            record.responseType = type;
            record.location = location;
            record.etag = etag;
        }
    }

    /** A failed attempt (5xx) must not be replayed: forget the key so a retry runs again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String tenant, String caller, String key) {
        em.createQuery("delete from IdempotencyRecord r where r.tenantId = ?1 and r.caller = ?2 and r.key = ?3")
                .setParameter(1, tenant).setParameter(2, caller).setParameter(3, key).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @jakarta.enterprise.context.control.ActivateRequestContext
    void purgeExpired() {
        em.createQuery("delete from IdempotencyRecord r where r.createdAt < ?1")
                .setParameter(1, Instant.now().minus(retention)).executeUpdate();
    }
}
