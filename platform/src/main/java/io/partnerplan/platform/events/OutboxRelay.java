package io.partnerplan.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.partnerplan.platform.concurrency.Rounds;
import io.partnerplan.platform.tracing.Traces;
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
    private final DataSource dataSource;
    private final EventProducer producer;
    private final Traces traces;
    private final int batchSize;
    private final int retentionDays;
    private volatile Instant quietUntil = Instant.EPOCH;
    private final Rounds rounds = new Rounds("outbox-relay", this::round);

    public OutboxRelay(EntityManager em, DataSource dataSource, EventProducer producer, Traces traces,
                       @ConfigProperty(name = "partnerplan.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "partnerplan.outbox.retention-days", defaultValue = "7") int retentionDays) {
        this.em = em;
        this.dataSource = dataSource;
        this.producer = producer;
        this.traces = traces;
        this.batchSize = batchSize;
        this.retentionDays = retentionDays;
    }

    /** Called after a transaction that wrote outbox rows commits: publish now rather than at the next tick. */
    public void nudge() {
        rounds.nudge();
    }

    @PreDestroy
    void stop() {
        rounds.close();
    }

    /** The safety net: rows of a replica that died before its nudge, or that waited for the broker. */
    @Scheduled(every = "${partnerplan.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        rounds.run();
    }

    private void round() {
        if (Instant.now().isBefore(quietUntil)) {
            return;
        }
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            // Broker away or slow: back off a little; the rows stay unpublished and are retried.
            quietUntil = Instant.now().plusSeconds(2);
            LOG.warnf("Outbox relay could not publish, will retry: %s", rootMessage(e));
        }
    }

    /**
     * @return how many rows were published in this round
     * <p>
     * Plain JDBC on the transaction's connection: a round runs after every committing write, so it
     * must cost a few statements, not a Hibernate session (HQL, entity loading, one full-row update
     * per event were a quarter of a writing service's CPU in the session-5 profile).
     */
    @Transactional(dontRollbackOn = PartlyPublished.class)
    public int publishBatch() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            List<OutboxEvent> rows = unpublished(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            // One publish span per event, a child of the context it was recorded in: the request's
            // trace goes on through the relay, however much later the relay runs.
            List<Span> spans = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                spans.add(traces.start(row.topic + " publish", SpanKind.PRODUCER,
                        new Traces.TraceContext(row.traceparent, row.tracestate), Map.of(
                                "messaging.system", "kafka",
                                "messaging.operation.type", "send",
                                "messaging.destination.name", row.topic,
                                "messaging.message.id", row.id.toString(),
                                "messaging.kafka.message.key", row.aggregateId,
                                "cloudevents.event_type", row.type)));
                acks.add(producer.producer().send(toRecord(row)));
            }
            producer.producer().flush();
            List<Boolean> acknowledged = new ArrayList<>(rows.size());
            Exception failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(producer.timeoutMs(), TimeUnit.MILLISECONDS);
                    acknowledged.add(true);
                } catch (Exception e) {
                    acknowledged.add(false);
                    Traces.failed(spans.get(i), e);
                    failure = failure == null ? e : failure;
                } finally {
                    spans.get(i).end();
                }
            }
            List<UUID> sent = markable(rows, acknowledged);
            if (!sent.isEmpty()) {
                try (PreparedStatement mark = connection.prepareStatement(
                        "update outbox_event set published_at = ? where id = any(?)")) {
                    mark.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    mark.setArray(2, connection.createArrayOf("uuid", sent.toArray()));
                    mark.executeUpdate();
                }
            }
            if (failure != null) {
                // Commits what Kafka acknowledged (dontRollbackOn): only the rest is sent again.
                throw new PartlyPublished(sent.size(), rows.size(), failure);
            }
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox could not be read or marked: " + e.getMessage(), e);
        }
    }

    /**
     * The rows to mark as sent after a round: those Kafka acknowledged, except any that follow an
     * unacknowledged row of the same aggregate (they are sent again after it, so the aggregate's last
     * copy on the topic is its last event). Marking the acknowledged part spares consumers most of
     * the duplicates a broker restart used to cause (a whole batch re-sent for one failed record);
     * delivery stays at-least-once.
     */
    static List<UUID> markable(List<OutboxEvent> rows, List<Boolean> acknowledged) {
        List<UUID> sent = new ArrayList<>(rows.size());
        java.util.Set<String> held = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            String aggregate = row.topic + "/" + row.aggregateId;
            if (!acknowledged.get(i)) {
                held.add(aggregate);
            } else if (!held.contains(aggregate)) {
                sent.add(row.id);
            }
        }
        return sent;
    }

    /** A round in which Kafka acknowledged only part of the batch; the acknowledged part is marked sent. */
    static final class PartlyPublished extends RuntimeException {
        PartlyPublished(int marked, int batch, Throwable cause) {
            super("Kafka acknowledged " + marked + " of " + batch + " events (marked sent); the rest will be retried", cause);
        }
    }

    private List<OutboxEvent> unpublished(Connection connection) throws SQLException {
        List<OutboxEvent> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, seq, tenant_id, topic, type, source, aggregate_type, aggregate_id, payload, occurred_at,"
                        + " trace_id, actor, traceparent, tracestate from outbox_event where published_at is null order by seq limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OutboxEvent row = new OutboxEvent();
                    row.id = rs.getObject(1, UUID.class);
                    row.seq = rs.getLong(2);
                    row.tenantId = rs.getString(3);
                    row.topic = rs.getString(4);
                    row.type = rs.getString(5);
                    row.source = rs.getString(6);
                    row.aggregateType = rs.getString(7);
                    row.aggregateId = rs.getString(8);
                    row.payload = rs.getString(9);
                    row.occurredAt = rs.getObject(10, OffsetDateTime.class).toInstant();
                    row.traceId = rs.getString(11);
                    row.actor = rs.getString(12);
                    row.traceparent = rs.getString(13);
                    row.tracestate = rs.getString(14);
                    rows.add(row);
                }
            }
        }
        return rows;
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
        if (row.traceparent != null) {
            headers.add(CloudEventHeaders.TRACEPARENT, bytes(row.traceparent));
            if (row.tracestate != null && !row.tracestate.isEmpty()) {
                headers.add(CloudEventHeaders.TRACESTATE, bytes(row.tracestate));
            }
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
