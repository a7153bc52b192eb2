package io.partnerplan.platform.idempotency;

import java.time.Clock;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency-Key the way payment APIs do it: the key is claimed, the effect written and the answer
 * stored in one transaction. A crash before the commit leaves nothing (PostgreSQL aborts the
 * transaction, the retry runs once); a crash after it leaves effect and answer together (the retry
 * gets the first answer). A second request with the same key while the first is running waits for it
 * on the key's row, then replays its answer (or runs, when the first rolled back). Refusals (4xx thrown
 * as problems) and failures roll back with the effect, so they are not remembered: a retry runs again.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyStore(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                            IdempotencyConfig config, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.json = json;
        this.transactions = transactions;
        this.config = config;
    }

    /** Runs {@code effect} once for this key, or answers as the first time. */
    @Transactional(rollbackOn = Exception.class)
    public Object once(String tenant, String caller, String key, String requestHash, Callable<Object> effect) throws Exception {
        // Waits here while another transaction holds the same key uncommitted.
        int inserted = em.createNativeQuery("""
                insert into idempotency_record (tenant_id, caller, idem_key, request_hash, created_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, tenant).setParameter(2, caller).setParameter(3, key).setParameter(4, requestHash)
                .setParameter(5, clock.instant())
                .executeUpdate();
        IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(tenant, caller, key));
        if (record == null) {
            // Purged between the two statements.
            throw new ProblemException(409, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key was being processed; retry");
        }
        if (inserted == 0) {
            if (!record.requestHash.equals(requestHash)) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was already used with a different request; use a new key for a new request");
            }
            if (record.status != null) {
                return replay(record);
            }
            // A row without an answer was claimed by an earlier release that stored answers separately, and its
            // request never finished: run it now.
        }
        Object result = effect.call();
        if (!(result instanceof Response response)) {
            throw new IllegalStateException("An @Idempotent method must answer a Response");
        }
        remember(record, response);
        pauseAfterCommitIfAsked(key);
        return response;
    }

    private void remember(IdempotencyRecord record, Response response) throws JsonProcessingException {
        Object entity = response.getEntity();
        record.status = response.getStatus();
        record.responseBody = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
        record.responseType = entity == null ? null
                : response.getMediaType() != null ? response.getMediaType().toString() : "application/json";
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
    }

    private static Response replay(IdempotencyRecord first) {
        Response.ResponseBuilder answer = Response.status(first.status).header(IdempotencyFilters.REPLAYED_HEADER, "true");
        if (first.responseBody != null) {
            answer.entity(first.responseBody).type(first.responseType);
        }
        if (first.location != null) {
            answer.header(HttpHeaders.LOCATION, first.location);
        }
        if (first.etag != null) {
            answer.header(HttpHeaders.ETAG, first.etag);
        }
        return answer.build();
    }

    private void pauseAfterCommitIfAsked(String key) {
        config.pauseAfterCommitKeyPrefix().filter(key::startsWith).ifPresent(prefix ->
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status != Status.STATUS_COMMITTED) {
                            return;
                        }
                        LOG.warnf("Idempotency-Key %s committed; pausing before the answer (fault-test hook)", key);
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @ActivateRequestContext
    void purgeExpired() {
        em.createQuery("delete from IdempotencyRecord r where r.createdAt < ?1")
                .setParameter(1, clock.instant().minus(config.retention())).executeUpdate();
    }
}
