package io.partnerplan.plan.escalation;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.member.PlanRole;

/** One rung of the ladder: who is told, and how long they have to acknowledge before it climbs. */
@Schema(name = "EscalationLevel")
public record EscalationLevel(
        @Schema(example = "Plan owners") String name,
        @Schema(description = "Every member of the plan in these roles, resolved when the escalation reaches the level")
        List<PlanRole> roles,
        @Schema(description = "Members named by token subject", example = "[\"cfo@contoso.example\"]") List<String> subjects,
        @Schema(description = "ISO-8601 duration", example = "P2D") String acknowledgeWithin) {

    public Duration window() {
        return Duration.parse(acknowledgeWithin);
    }
}
