package io.partnerplan.plan.escalation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.member.PlanRole;

@Schema(name = "EscalationPolicyRequest")
public record EscalationPolicyRequest(
        @NotNull @Size(min = 1, max = EscalationRules.MAX_LEVELS) @Valid List<@NotNull @Valid Level> levels) {

    @Schema(name = "EscalationLevelRequest")
    public record Level(
            @NotBlank @Size(max = 100) @Schema(example = "Plan owners") String name,
            @Size(max = 5) List<@NotNull PlanRole> roles,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> subjects,
            @NotBlank @Schema(description = "ISO-8601 duration, at least an hour, at most 90 days", example = "P2D")
            String acknowledgeWithin) {
    }
}
