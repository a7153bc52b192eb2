package io.partnerplan.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes committed outbox rows to Kafka in {@code seq} order and marks them sent.
 * <p>
 * Safe with several replicas: each round holds a transaction-scoped PostgreSQL advisory lock, so
 * one replica publishes at a time and per-aggregate order holds. When the broker is down the
 * round fails, its transaction rolls back and the rows wait; delivery is at-least-once, so
 * consumers deduplicate by event id.
 */
@ApplicationScoped
@Unremovable
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by all replicas of all services; each service has its own database. */
    private static final long LOCK_KEY = 0x7061727470_6c616eL;

    private final EntityManager em;
    private final EventProducer producer;
    private final int batchSize;
    private final int retentionDays;
    private volatile Instant quietUntil = Instant.EPOCH;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** One thread, no context propagated from the request that nudged it. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(EntityManager em, EventProducer producer,
                       @ConfigProperty(name = "partnerplan.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "partnerplan.outbox.retention-days", defaultValue = "7") int retentionDays) {
        this.em = em;
        this.producer = producer;
        this.batchSize = batchSize;
        this.retentionDays = retentionDays;
    }

    /** Called after a transaction that wrote outbox rows commits: publish now rather than at the next tick. */
    public void nudge() {
        try {
            executor.execute(this::relay);
        } catch (RejectedExecutionException e) {
            // Shutting down: the rows are published by the next start or another replica.
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** The safety net: rows of a replica that died before its nudge, or that waited for the broker. */
    @Scheduled(every = "${partnerplan.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!running.compareAndSet(false, true)) {
            again.set(true); // the running round may have missed rows committed just now
            return;
        }
        try {
            do {
                again.set(false);
                if (Instant.now().isBefore(quietUntil)) {
                    return;
                }
                int sent;
                do {
                    sent = publishBatch();
                } while (sent == batchSize);
            } while (again.get());
        } catch (RuntimeException e) {
            // Broker away or slow: back off a little; the rows stay unpublished and are retried.
            quietUntil = Instant.now().plusSeconds(2);
            LOG.warnf("Outbox relay could not publish, will retry: %s", rootMessage(e));
        } finally {
            running.set(false);
        }
    }

    /** @return how many rows were published in this round */
    @Transactional
    @ActivateRequestContext
    public int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> rows = em.createQuery(
                        "from OutboxEvent e where e.publishedAt is null order by e.seq", OutboxEvent.class)
                .setMaxResults(batchSize).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            acks.add(producer.producer().send(toRecord(row)));
        }
        producer.producer().flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(producer.timeoutMs(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch", e);
        }
        Instant now = Instant.now();
        rows.forEach(r -> r.publishedAt = now);
        return rows.size();
    }

    /** Published rows are kept a while for diagnosis, then removed so the table stays small. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @ActivateRequestContext
    void purgePublished() {
        em.createQuery("delete from OutboxEvent e where e.publishedAt < :before")
                .setParameter("before", Instant.now().minus(retentionDays, ChronoUnit.DAYS))
                .executeUpdate();
    }

    static ProducerRecord<String, String> toRecord(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
        headers.add(CloudEventHeaders.ID, bytes(row.id.toString()));
        headers.add(CloudEventHeaders.SOURCE, bytes(row.source));
        headers.add(CloudEventHeaders.TYPE, bytes(row.type));
        headers.add(CloudEventHeaders.SUBJECT, bytes(row.aggregateId));
        headers.add(CloudEventHeaders.TIME, bytes(row.occurredAt.toString()));
        headers.add(CloudEventHeaders.TENANT, bytes(row.tenantId));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        if (row.traceId != null) {
            headers.add(CloudEventHeaders.TRACE, bytes(row.traceId));
        }
        if (row.actor != null) {
            headers.add(CloudEventHeaders.ACTOR, bytes(row.actor));
        }
        return new ProducerRecord<>(row.topic, null, row.aggregateId, row.payload, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
