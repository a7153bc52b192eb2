package io.partnerplan.plan.version;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.platform.security.TenantScoped;

/** The whole plan as it was after one change: kept for ever, so any two versions can be compared. */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "plan_version", nullable = false, updatable = false)
    public long planVersion;

    /** The event that made this version, e.g. {@code plan.updated}. */
    @Column(nullable = false, updatable = false)
    public String change;

    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public JsonNode snapshot;
}
