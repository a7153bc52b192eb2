package io.partnerplan.calendar.review;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** One review of a plan on the agreed cadence. */
@Entity
@Table(name = "plan_review")
public class PlanReview extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(name = "vendor_organisation_id", nullable = false, updatable = false)
    public UUID vendorOrganisationId;

    @Column(name = "partner_organisation_id", nullable = false, updatable = false)
    public UUID partnerOrganisationId;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The date the schedule's rule gave; {@link #dueOn} differs once someone moved this review. */
    @Column(name = "planned_on", nullable = false)
    public LocalDate plannedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    /** When plan-service reported the review held ({@code review.completed}). */
    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** plan-service's held review that closed this occurrence. */
    @Column(name = "held_review_id")
    public UUID heldReviewId;

    @Version
    public long version;

    public boolean open() {
        return status == ReviewStatus.SCHEDULED || status == ReviewStatus.UPCOMING || status == ReviewStatus.DUE
                || status == ReviewStatus.OVERDUE;
    }
}
