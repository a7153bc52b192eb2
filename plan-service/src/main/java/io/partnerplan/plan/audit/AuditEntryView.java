package io.partnerplan.plan.audit;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "AuditEntry")
public record AuditEntryView(UUID id, UUID planId,
                             @Schema(description = "Token subject of who made the change, or system for scheduled work")
                             String actor,
                             Instant at,
                             @Schema(description = "The event type of the change, without prefix and version", example = "action.updated")
                             String change,
                             @Schema(description = "Id of what changed (an action, milestone, member subject...)") String entityId,
                             @Schema(description = "Its title or name", example = "Certify three engineers") String summary,
                             @Schema(description = "The state after the change, as the event carried it") JsonNode data) {

    static AuditEntryView of(AuditEntry a) {
        return new AuditEntryView(a.id, a.planId, a.actor, a.occurredAt, a.change, a.entityId, a.summary, a.data);
    }
}
