package io.partnerplan.plan.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.platform.security.TenantScoped;

/** A review the two sides held: a record of what happened, never changed afterwards. */
@Entity
@Table(name = "review_held")
public class HeldReview extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    /** calendar-service's occurrence id, when the recorder named the scheduled review this was. */
    @Column(name = "scheduled_review_id", updatable = false)
    public UUID scheduledReviewId;

    @Column(name = "held_on", nullable = false, updatable = false)
    public LocalDate heldOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<String> attendees;

    @Column(updatable = false)
    public String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<String> decisions;

    /** The plan's latest KPI scorecard when the review was recorded; null when kpi-service never sent one. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "kpi_snapshot", updatable = false)
    public JsonNode kpiSnapshot;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "action_ids", nullable = false, updatable = false)
    public List<UUID> actionIds;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
