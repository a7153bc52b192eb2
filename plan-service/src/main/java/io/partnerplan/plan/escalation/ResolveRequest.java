package io.partnerplan.plan.escalation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.action.ActionRequest;

@Schema(name = "ResolveEscalationRequest")
public record ResolveRequest(
        @Valid @Schema(description = "Required: how the cause is put right") Rectification rectificationPlan) {

    @Schema(name = "RectificationPlanRequest")
    public record Rectification(
            @NotBlank @Size(max = 4000) @Schema(example = "Two more engineers certify by end of May") String summary,
            @Size(max = 20) @Valid @Schema(description = "New action items, created with the resolution")
            List<@Valid ActionRequest> actions) {
    }
}
