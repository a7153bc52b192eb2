package io.partnerplan.plan.escalation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EscalationPolicy")
public record EscalationPolicyView(UUID planId, List<EscalationLevel> levels,
                                   @Schema(description = "True while the plan uses the default ladder") boolean defaultPolicy,
                                   String updatedBy, long version) {
}
