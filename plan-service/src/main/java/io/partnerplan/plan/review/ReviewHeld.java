package io.partnerplan.plan.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A held review as shown and as the data of review.completed (docs/events). */
@Schema(name = "ReviewHeld")
public record ReviewHeld(UUID reviewId, UUID planId,
                         @Schema(description = "calendar-service's occurrence id, or null") UUID scheduledReviewId,
                         LocalDate heldOn, List<String> attendees, String notes, List<String> decisions,
                         @Schema(description = "The plan's latest ScorecardSummary (kpi.scorecard.changed) when the review "
                                 + "was recorded; null when kpi-service had sent none for the plan yet") JsonNode kpiSnapshot,
                         @Schema(description = "The action items created with the review") List<UUID> actionIds) {

    static ReviewHeld of(HeldReview r) {
        return new ReviewHeld(r.id, r.planId, r.scheduledReviewId, r.heldOn, r.attendees, r.notes, r.decisions,
                r.kpiSnapshot, r.actionIds);
    }
}
