package io.partnerplan.plan.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of escalation.* events and the API's answer (docs/events/README.md). */
@Schema(name = "Escalation")
public record EscalationView(UUID escalationId, UUID planId, EscalationCause cause,
                             @Schema(description = "The overdue action's or missed milestone's id") UUID causeId,
                             String title,
                             @Schema(description = "1-based") int level,
                             @Schema(description = "How many levels the ladder has") int levels,
                             @Schema(description = "Member subjects of the current level") List<String> recipients,
                             @Schema(description = "Plan roles of the current level") List<String> roles,
                             @Schema(description = "Not acknowledged by then, it climbs a level") Instant acknowledgeBy,
                             EscalationStatus status, String acknowledgedBy, Instant acknowledgedAt,
                             RectificationPlan rectificationPlan, String resolvedBy, Instant resolvedAt) {

    static EscalationView of(Escalation e) {
        return new EscalationView(e.id, e.planId, e.cause, e.causeId, e.title, e.level, e.levelCount, e.recipients,
                e.roles, e.acknowledgeBy, e.status, e.acknowledgedBy, e.acknowledgedAt, e.rectificationPlan,
                e.resolvedBy, e.resolvedAt);
    }
}
