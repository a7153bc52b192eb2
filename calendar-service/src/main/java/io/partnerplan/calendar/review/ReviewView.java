package io.partnerplan.calendar.review;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanReview")
public record ReviewView(UUID id, UUID planId, int sequence, LocalDate dueOn, ReviewStatus status) {

    static ReviewView of(PlanReview r) {
        return new ReviewView(r.id, r.planId, r.sequence, r.dueOn, r.status);
    }
}
