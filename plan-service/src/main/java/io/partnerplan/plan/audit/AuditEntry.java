package io.partnerplan.plan.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.platform.security.TenantScoped;

/** One change to a plan or something in it; written once, never changed. */
@Entity
@Immutable
@Table(name = "plan_audit")
public class AuditEntry extends TenantScoped {

    @Id
    public UUID id;

    /** Assigned by the database in writing order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** The event's short type, e.g. {@code action.updated}. */
    @Column(nullable = false)
    public String change;

    @Column(name = "entity_id")
    public String entityId;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode data;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
