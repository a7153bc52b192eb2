package io.partnerplan.calendar.review;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanReview")
public record ReviewView(UUID id, UUID planId, int sequence, LocalDate dueOn, ReviewStatus status,
                         @Schema(description = "The date the schedule gave; differs from dueOn once the review was moved") LocalDate plannedOn,
                         @Schema(description = "When plan-service reported it held") LocalDate completedOn,
                         @Schema(description = "plan-service's held review that closed it") UUID heldReviewId,
                         @Schema(description = "The ETag to send as If-Match when moving it") long version) {

    static ReviewView of(PlanReview r) {
        return new ReviewView(r.id, r.planId, r.sequence, r.dueOn, r.status, r.plannedOn, r.completedOn, r.heldReviewId,
                r.version);
    }
}
