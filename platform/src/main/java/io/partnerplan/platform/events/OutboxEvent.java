package io.partnerplan.platform.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting to be published, written in the same transaction as the state change it
 * describes. {@code seq} gives the publication order; {@code publishedAt} is set once Kafka acknowledged it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "trace_id")
    public String traceId;

    /** The W3C trace context current when the event was recorded (CloudEvents distributed tracing extension). */
    public String traceparent;

    public String tracestate;

    /** Who caused the event: a token subject, or {@code system}. */
    public String actor;

    @Column(name = "published_at")
    public Instant publishedAt;
}
